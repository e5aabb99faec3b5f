/**
 * The browser tests' own customers, one per test that changes data, so every test runs in
 * parallel with every other and in any order (Playwright `fullyParallel`, no serial groups).
 * Each is shaped like the demo's Acme (db/seed.ts `seedE2eCustomers`): the admin
 * `<name>@e2e.example` (lower case) with the demo password, and contract SH-Enn with options
 * SH-O-Enn01 (on-premises), 02 (M2 public), 03 (NAPT) and 04 (PBB expansion 5G), where nn is the
 * position in this list. Read-only tests may share a customer; a test that writes never does.
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
] as const;
export type E2eCustomer = (typeof E2E_CUSTOMERS)[number];

/**
 * Options that already end when the test starts, by option number (03 = NAPT, 02 = M2), each
 * `days` after the earliest effective date of a notice sent today (R-EFFECTIVE-DATE).
 */
export const E2E_ENDING: Partial<Record<E2eCustomer, { option: '02' | '03'; days: number }[]>> = {
  // The NAPT add-on already ends on the earliest date, so the M2 port may end after it (R-NAPT-NEEDS-PUBLIC).
  CancelLater: [{ option: '03', days: 0 }],
  // The NAPT add-on and the M2 port already end: the on-premises port is the last running port (R-PORT-REQUIRED).
  CancelLast: [
    { option: '03', days: 0 },
    { option: '02', days: 3 },
  ],
};

/** Extra support staff, one per support test: starting support access ends the same member's earlier one. */
export const E2E_SUPPORT_STAFF = {
  sue: { email: 'sue@support.example', name: 'Sue Tanaka', totpSecret: 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD' },
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
    plantsNetwork: `${name} plants network`,
  };
}
