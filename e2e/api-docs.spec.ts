import { test, expect, type Page } from '@playwright/test';

// The public API's document and its reference page: served without a session, from our own
// origin, and rendered by Chromium under the portal's Content-Security-Policy with no violation.

/** Records every policy violation, console error and page error, from before the page's first script. */
async function watchPolicy(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('__reportViolation', (text: string) => problems.push(`violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      );
    });
  });
  return problems;
}

test('api docs: the OpenAPI document is public JSON, briefly cacheable, and lists the API', async ({ request }) => {
  const answer = await request.get('/api/v1/openapi.json');
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toBe('application/json');
  expect(answer.headers()['cache-control']).toBe('public, max-age=300');
  // It passed through the proxy like every answer.
  expect(answer.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const document = (await answer.json()) as { openapi: string; servers: { url: string }[]; paths: Record<string, unknown> };
  expect(document.openapi).toBe('3.1.0');
  expect(document.servers).toEqual([{ url: '/api/v1', description: 'This portal' }]);
  expect(Object.keys(document.paths)).toContain('/closed-networks/{closedNetworkId}');
});

test('api docs: the reference page renders every operation under the policy, with no violation', async ({ page }) => {
  const problems = await watchPolicy(page);
  const answer = await page.goto('/api/v1/docs');
  expect(answer?.status()).toBe(200);
  const policy = answer!.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).not.toContain('unsafe-inline');

  // Swagger UI ran, read /api/v1/openapi.json and shows the document's title and its operations.
  await expect(page.getByRole('heading', { name: /Smart HUB Portal API/ })).toBeVisible();
  const operation = page.locator('#operations-Closed_networks-getClosedNetwork');
  await expect(operation).toBeVisible();
  // Its stylesheet (a file from this origin) applies: an operation of a GET is drawn in its colour.
  await expect(operation.locator('.opblock-summary-method')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');

  // Open one: its parameters, responses and the problem schema are drawn too.
  await operation.locator('.opblock-summary').click();
  await expect(operation.getByRole('row', { name: /^closedNetworkId \*required/ })).toBeVisible();
  await expect(operation.getByRole('row', { name: /^200 OK\./ })).toContainText('"networkCode"');
  const tooMany = operation.getByRole('row', { name: /^429 / });
  await expect(tooMany).toContainText('application/problem+json');
  await expect(tooMany).toContainText('Retry-After');
  // Its form to try it (drawn, not sent) and a schema of the components.
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await expect(operation.getByRole('textbox', { name: 'closedNetworkId' })).toBeEditable();
  await page.getByRole('button', { name: 'Schemas' }).click();
  await page.getByRole('button', { name: 'Problem', exact: true }).click();
  await expect(page.locator('article', { has: page.getByRole('button', { name: 'Problem', exact: true }) })).toContainText('requestId');

  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('api docs: the page’s files come from this origin; nothing else of the package is served', async ({ request }) => {
  const script = await request.get('/api/v1/docs/swagger-ui-bundle.js');
  expect(script.status()).toBe(200);
  expect(script.headers()['content-type']).toBe('text/javascript; charset=utf-8');
  const style = await request.get('/api/v1/docs/swagger-ui.css');
  expect(style.status()).toBe(200);
  expect(style.headers()['content-type']).toBe('text/css; charset=utf-8');
  for (const other of ['package.json', 'index.html', '..%2Fpackage.json']) {
    expect((await request.get(`/api/v1/docs/${other}`)).status(), other).toBe(404);
  }
});
