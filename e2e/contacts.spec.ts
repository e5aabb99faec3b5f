import AxeBuilder from '@axe-core/playwright';
import { asCustomer, asUser, expect } from './fixtures';

// Contacts: the admin of the test's own customer keeps the failure contacts (who IIJ's outage
// notices go to) and the operations contacts; a viewer reads them.
const test = asCustomer('Contacts');

test('contacts: an admin adds a failure contact, edits it, adds and removes an operations contact', async ({ page }) => {
  test.slow();
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contacts');
  const failure = page.getByTestId('failure-contacts');
  await expect(failure).toContainText("IIJ's outage notices go to these people (Appendix 1 §2");
  await expect(failure).toContainText('No failure contact yet');

  // A bad e-mail address: the field says so and what was typed stays.
  await failure.getByText('Add a failure contact').click();
  const add = page.getByTestId('add-failure-form');
  await add.getByLabel('Name').fill('Night desk');
  await add.getByLabel('E-mail').fill('night-desk');
  await add.getByLabel('Telephone').fill('03-1234-0000');
  await add.getByLabel('Reachable').fill('24 hours');
  await add.getByLabel('Language of notices').selectOption('en');
  await add.getByRole('button', { name: 'Add contact' }).click();
  await expect(add.getByTestId('error-add-failure-email')).toHaveText('Enter an e-mail address such as name@example.co.jp.');
  await expect(add.getByLabel('Name')).toHaveValue('Night desk');
  await add.getByLabel('E-mail').fill('night-desk@contacts.example');
  await add.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('The contact is added.');
  const contact = failure.locator('[data-testid="contact"][data-email="night-desk@contacts.example"]');
  await expect(contact).toContainText('Night desk');
  await expect(contact).toContainText('24 hours');
  await expect(contact).toContainText('English');

  await contact.getByText('Edit…').click();
  const edit = contact.getByTestId('edit-contact-form');
  await edit.getByLabel('Reachable').fill('weekdays 9:00–18:00');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('The contact is saved.');
  await expect(contact).toContainText('weekdays 9:00–18:00');

  // The only failure contact stays.
  await contact.getByRole('button', { name: 'Remove Night desk' }).click();
  await expect(page.getByTestId('contacts-refusal')).toContainText('This is your only failure contact');

  const operations = page.getByTestId('operations-contacts');
  await operations.getByText('Add an operations contact').click();
  const addOps = page.getByTestId('add-operations-form');
  await addOps.getByLabel('Name').fill('Network team');
  await addOps.getByLabel('E-mail').fill('netops@contacts.example');
  await addOps.getByLabel('Telephone').fill('03-1234-1111');
  await addOps.getByLabel('Reachable').fill('weekdays');
  await addOps.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('The contact is added.');
  await expect(operations.getByTestId('contact')).toHaveCount(1);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await operations.getByRole('button', { name: 'Remove Network team' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('The contact is removed.');
  await expect(operations.getByTestId('contact')).toHaveCount(0);
});

asUser('victor')('contacts: a viewer reads the contacts and gets no form', async ({ page }) => {
  await page.goto('/contacts');
  await expect(page.getByTestId('read-only-notice')).toHaveText('Only your administrators change contacts and company details.');
  await expect(page.getByTestId('failure-contacts').getByTestId('contact')).toContainText('Acme NOC');
  await expect(page.getByRole('button', { name: 'Add contact' })).toHaveCount(0);
  await expect(page.getByTestId('company-form')).toHaveCount(0);
});
