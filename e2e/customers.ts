/**
 * The browser tests' own customers, one per test that changes data, so every test runs in
 * parallel with every other and in any order (Playwright `fullyParallel`, no serial groups).
 * Each is shaped like the demo's Acme (lib/demo/seed.ts `seedE2eCustomers`): the admin
 * `<name>@e2e.example` (lower case) with the demo password, and contract SH-Enn with options
 * SH-O-Enn01 (on-premises), 02 (M2 public 100M), 03 (NAPT 30,000 on port 02) and 04 (PBB
 * expansion 5G), where nn is the position in this list. Read-only tests may share a customer; a
 * test that writes never does. New customers go at the end, so the others keep their codes.
 *
 * `ending` gives options a scheduled last day before the test starts (scripts/e2e-seed.ts), as
 * a cancellation sent earlier would have: a test starts from the state it checks instead of
 * building it through other screens first.
 */
export const E2E_CUSTOMERS = [
  'Apply',
  'AddCloud',
  'Change',
  'ChangePbb',
  'ChangeRefused',
  'Firewall',
  'Cancel',
  'CancelNapt',
  'CancelLater',
  'CancelLast',
  'Withdraw',
  'WithdrawCancel',
  'Cloud',
  'Nihongo',
  'NihongoRefused',
  'Axe',
  'AxeReceipt',
  'Plain',
  'Support',
  'Layout',
  'ChangeTax',
  'AddWords',
  'AddPublic',
  'NaptNotice',
  'CancelOnlyNapt',
  'PlainPort',
  'WithdrawPort',
  'CancelPortLater',
  // 200 more add-ons on its contract (E2E_LARGE): the contract page and the dashboard stay light and readable.
  'Large',
  // Reviews only (never confirms): the cheapest end date of a port inside its minimum use period.
  'Cheapest',
  // An operator records an outage of their contract, ends it, and they see it (e2e/outages.spec.ts), one per language.
  'OutageEn',
  'OutageJa',
  // An admin keeps the company's contacts (e2e/contacts.spec.ts).
  'Contacts',
  // An operator accepts their application and the notice reaches their bell (e2e/notifications.spec.ts).
  'Notify',
  // Users and passwords (e2e/users.spec.ts): its admin invites an admin, who invites a viewer.
  'Users',
  // The password reset from the sign-in page: its admin's password is reset (its sessions end).
  'Reset',
  // API keys (e2e/api-keys.spec.ts): its admin creates, uses and revokes a key; the same without JavaScript.
  'ApiKeys',
  'ApiKeysPlain',
  // The public API (e2e/api.spec.ts): its key previews and submits a cancellation, seen in the browser.
  'Api',
] as const;
export type E2eCustomer = (typeof E2E_CUSTOMERS)[number];

/**
 * Options that already end when the test starts, by option number (02 = M2 port, 05 = the second
 * NAPT), each `days` after the earliest effective date of a notice sent today (R-EFFECTIVE-DATE).
 * A port's notice ends its NAPT add-ons on the same day, as the portal does (R-NAPT-PER-PORT).
 */
export const E2E_ENDING: Partial<Record<E2eCustomer, { option: '02' | '05'; days: number }[]>> = {
  // The M2 port (with its NAPT add-on) already ends: the on-premises port is the last running port (R-PORT-REQUIRED).
  CancelLast: [{ option: '02', days: 3 }],
  // The second NAPT already ends on the earliest date; the test cancels its port later.
  CancelPortLater: [{ option: '05', days: 0 }],
};

/**
 * Customers whose M2 port holds a second NAPT add-on, SH-O-Enn05 (30,000 sessions): their tests
 * cancel NAPT 03, which a port's only NAPT may not be (R-NAPT-PER-PORT).
 */
export const E2E_SECOND_NAPT: readonly E2eCustomer[] = ['CancelNapt', 'WithdrawCancel', 'Nihongo', 'Axe', 'AxeReceipt', 'Plain', 'Support', 'CancelPortLater'];

/**
 * Customers whose M2 port starts at another interface and NAPT size: NaptNotice's 1G port holds
 * 480,000 sessions, so one more NAPT add-on takes it across 500,000 (§2, the interruption notice).
 */
export const E2E_PORT_SHAPE: Partial<Record<E2eCustomer, { speed: '1G'; naptSessions: number }>> = {
  NaptNotice: { speed: '1G', naptSessions: 480_000 },
};

/**
 * Customers whose contract holds `count` more add-ons (lib/demo/large-contract.ts, codes
 * `${codePrefix}001`…), in groups of ten that keep every port rule. Read-only tests only.
 */
export const E2E_LARGE: Partial<Record<E2eCustomer, { count: number; codePrefix: string }>> = {
  Large: { count: 200, codePrefix: 'SH-O-L' },
};

/** Extra support staff, one per support test: starting support access ends the same member's earlier one. */
export const E2E_SUPPORT_STAFF = {
  sue: { email: 'sue@support.example', name: 'Sue Tanaka', totpSecret: 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD' },
  // Only e2e/staff-factor.spec.ts: an operator resets his second factor (his sessions end).
  rex: { email: 'rex@support.example', name: 'Rex Ishida', totpSecret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' },
} as const;
export type E2eStaff = keyof typeof E2E_SUPPORT_STAFF;

export function e2eCustomer(name: E2eCustomer) {
  const tag = `E${String(E2E_CUSTOMERS.indexOf(name) + 1).padStart(2, '0')}`;
  return {
    email: `${name.toLowerCase()}@e2e.example`,
    admin: `${name} Admin`,
    company: `${name} Test KK`,
    contract: `SH-${tag}`,
    onprem: `SH-O-${tag}01`,
    m2: `SH-O-${tag}02`,
    napt: `SH-O-${tag}03`,
    pbbExpansion: `SH-O-${tag}04`,
    /** Only for the customers in E2E_SECOND_NAPT. */
    napt2: `SH-O-${tag}05`,
    plantsNetwork: `${name} plants network`,
  };
}
