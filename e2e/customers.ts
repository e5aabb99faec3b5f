/**
 * One Acme-shaped customer per spec area that changes contracts, so specs run in parallel
 * without touching each other's data. Each has the admin `<name>@e2e.example` (lower case),
 * the demo password, and contract SH-E0n with options SH-O-E0n01 (on-premises), 02 (M2 public)
 * 03 (NAPT) and 04 (PBB expansion 5G), where n is the position in this list.
 */
export const E2E_CUSTOMERS = ['Apply', 'Change', 'Cancel', 'Withdraw', 'Cloud', 'Nihongo', 'Axe', 'Plain', 'Support'] as const;
export type E2eCustomer = (typeof E2E_CUSTOMERS)[number];

export function e2eCustomer(name: E2eCustomer) {
  const tag = `E${String(E2E_CUSTOMERS.indexOf(name) + 1).padStart(2, '0')}`;
  return {
    email: `${name.toLowerCase()}@e2e.example`,
    company: `${name} Test KK`,
    contract: `SH-${tag}`,
    onprem: `SH-O-${tag}01`,
    m2: `SH-O-${tag}02`,
    napt: `SH-O-${tag}03`,
    pbbExpansion: `SH-O-${tag}04`,
    plantsNetwork: `${name} plants network`,
  };
}
