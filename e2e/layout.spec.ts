import path from 'node:path';
import type { Page } from '@playwright/test';
import { asCustomer, asUser, expect, openContract, test } from './fixtures';

// These tests only read, so they share the Layout customer.
const layout = asCustomer('Layout');

/** Set E2E_SCREENSHOTS=<dir> to keep a full-page picture of each screen checked here. */
async function keepScreenshot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The outermost elements reaching past the viewport's right edge, so a failure says what does not fit. */
async function overflowing(page: Page, width: number) {
  return page.evaluate((limit) => {
    const out: string[] = [];
    const reported: Element[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right <= limit + 0.5 || r.width === 0 || reported.some((o) => o.contains(el))) continue;
      reported.push(el);
      const id = el.getAttribute('data-testid') ?? el.getAttribute('class') ?? '';
      out.push(`${el.tagName.toLowerCase()}[${id.slice(0, 70)}] right=${Math.round(r.right)}`);
    }
    return out.slice(0, 10);
  }, width);
}

async function expectFits(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width) expect(await overflowing(page, width), `the page is ${scrollWidth} px wide`).toEqual([]);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

for (const locale of ['en-US', 'ja-JP'] as const) {
  const lang = locale.slice(0, 2);
  test.describe(`phone, ${locale}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, locale });

    layout(`layout: at 390 px the dashboard fits the screen (${lang})`, async ({ page }) => {
      await page.goto('/');
      await expect(page.getByTestId('network').first()).toBeVisible();
      await expectFits(page, 390);
      await keepScreenshot(page, `dashboard-390-${lang}`);
    });

    layout(`layout: at 390 px the contract page fits the screen, the hub picture scrolls in its own box (${lang})`, async ({
      page,
      customer,
    }) => {
      await openContract(page, customer.contract);
      await expect(page.getByTestId('hub-diagram')).toBeVisible();
      await expectFits(page, 390);
      // The picture keeps a readable size and scrolls sideways inside its own box.
      const box = await page.getByTestId('hub-diagram').evaluate((svg) => {
        const parent = svg.parentElement!;
        return { clientWidth: parent.clientWidth, scrollWidth: parent.scrollWidth };
      });
      expect(box.clientWidth).toBeLessThanOrEqual(390);
      expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
      await keepScreenshot(page, `contract-390-${lang}`);
    });

    layout(`layout: at 390 px the order form of a public port with two NAPT add-ons fits the screen (${lang})`, async ({ page, customer }) => {
      await openContract(page, customer.contract);
      await page.goto(`${page.url()}/options/new?kind=cloud_port`);
      await page.locator('select[name="cloudType"]').selectOption('A_PUBLIC');
      await page.locator('select[name="naptSessions"]').first().selectOption('240000');
      await page.getByTestId('napt-fields').locator('button').last().click();
      await page.locator('select[name="naptSessions"]').nth(1).selectOption('480000');
      await expect(page.getByTestId('napt-total')).toContainText('720,000');
      await expectFits(page, 390);
      await keepScreenshot(page, `order-public-port-390-${lang}`);
    });

    layout(`layout: at 390 px the review with the interruption notice fits the screen (${lang})`, async ({ page, customer }) => {
      await openContract(page, customer.contract);
      await page.goto(`${page.url()}/options/new?kind=napt`);
      await page.locator('select[name="sessions"]').selectOption('480000');
      await page.locator('form button[value="review"]').click();
      await expect(page.getByTestId('review-step').getByTestId('interruption-notice')).toBeVisible();
      await expectFits(page, 390);
      await keepScreenshot(page, `review-notice-390-${lang}`);
    });
  });

  test.describe(`desktop, ${locale}`, () => {
    test.use({ viewport: { width: 1280, height: 900 }, locale });
    layout(`layout: on a desktop the contract page fits the screen (${lang})`, async ({ page, customer }) => {
      await openContract(page, customer.contract);
      await expect(page.getByTestId('hub-diagram')).toBeVisible();
      await expectFits(page, 1280);
      await keepScreenshot(page, `contract-1280-${lang}`);
    });
  });
}

/** Console errors and failed responses (a missing favicon shows as both) while `visit` runs. */
async function problemsWhile(page: Page, visit: () => Promise<void>) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await visit();
  // The browser asks for the icon after the page has loaded.
  await page.waitForLoadState('networkidle');
  return problems;
}

test('console: the sign-in page loads with an icon, no console error and no failed request', async ({ page }) => {
  const problems = await problemsWhile(page, async () => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });
  expect(problems).toEqual([]);
  // A signed-out visitor gets the icons themselves, not the sign-in page in their place.
  const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
  expect(icons.length).toBeGreaterThan(0);
  for (const href of [...icons, '/favicon.ico']) {
    const response = await page.request.get(href, { maxRedirects: 0 });
    expect(response.status(), href).toBe(200);
    expect(response.headers()['content-type'], href).toMatch(/^image\//);
  }
});

layout('console: the dashboard and the contract page load without a console error or a failed request', async ({ page, customer }) => {
  const problems = await problemsWhile(page, async () => {
    await openContract(page, customer.contract);
  });
  expect(problems).toEqual([]);
});

// Tables scroll in their own box on a phone; nothing in them (a screen reader's column label
// included) may widen the page itself.
for (const [user, paths] of [
  ['olivia', ['/staff/operations/staff', '/staff/operations/customers', '/staff/operations/pbb']],
  ['alice', ['/users']],
] as const) {
  const as = asUser(user);
  as.describe(`phone tables, ${user}`, () => {
    as.use({ viewport: { width: 390, height: 844 } });
    for (const path of paths) {
      as(`layout: at 390 px ${path} fits the screen, its table scrolls in its own box`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('table').first()).toBeVisible();
        await expectFits(page, 390);
      });
    }
  });
}
