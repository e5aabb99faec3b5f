import { japanDate } from '../lib/rules';
import { asUser, expect } from './fixtures';

// A staff member of the wrong role gets the translated "not allowed" page with HTTP 403, never an
// error page with 500; a customer page answers a staff member outside a support session "not found".

const OPERATIONS = ['customers', 'applications', 'cancellations', 'claims', 'outages', 'pbb', 'prices', 'statements'];

asUser('olivia')('forbidden: an operator opening the support pages gets 403 and the "not allowed" page', async ({ page }) => {
  await page.goto('/staff/operations/customers');
  const href = await page.locator('a[href^="/staff/operations/customers/"]').first().getAttribute('href');
  const customerId = href!.split('/').pop()!;
  for (const path of ['/staff/support', `/staff/support?q=acme`, `/staff/support/customers/${customerId}`]) {
    const answer = await page.goto(path);
    expect(answer!.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    await expect(page.getByText('Your role does not allow this.')).toBeVisible();
  }
  // The support search behind the page: 403 too.
  expect((await page.request.get('/api/staff/search?q=acme')).status()).toBe(403);
});

asUser('olivia')('forbidden: an operator opening a customer page or download is sent to the staff home or gets "not found", not an error', async ({ page }) => {
  const month = japanDate(new Date()).slice(0, 7);
  const home = await page.request.get('/', { maxRedirects: 0 });
  expect(home.status()).toBe(307);
  expect(home.headers()['location']).toBe('/staff');
  for (const path of ['/statements', `/statements/${month}/csv`, `/statements/${month}/pdf`, '/support-access']) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
});

asUser('sam')('forbidden: a support member opening the operations pages gets 403 and the "not allowed" page', async ({ page }) => {
  for (const name of OPERATIONS) {
    const answer = await page.goto(`/staff/operations/${name}`);
    expect(answer!.status(), name).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  }
});

asUser('alice')('forbidden: a customer opening a staff page gets "not found"', async ({ page }) => {
  for (const path of ['/staff', '/staff/support', '/staff/operations/customers']) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
});
