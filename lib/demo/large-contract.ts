import { randomUUID } from 'node:crypto';
import type { options } from '@/db/schema';

type OptionInsert = typeof options.$inferInsert;

const DATA_CENTRES = ['Tokyo DC1 (Otemachi)', 'Tokyo DC3 (Shiroi)', 'Osaka DC2 (Dojima)', 'Nagoya DC1 (Sakae)'];
const PRIVATE_CLOUDS = ['A_PRIVATE', 'M_PRIVATE'] as const;

/**
 * The add-ons of the largest customer's contract, for the benchmark and the browser tests:
 * `count` active options in repeating groups of ten (four on-premises ports, a private cloud
 * port with a firewall, an M2 public port with two NAPT add-ons assigned to it, and a static
 * NAT), so every rule an add-on relies on holds (R-NAPT-PER-PORT, R-FW-NEEDS-PRIVATE,
 * R-SNAT-NEEDS-PUBLIC) however many groups there are. `count` is a multiple of ten, so no
 * public port is cut from its NAPT. Codes are `${codePrefix}001`, `${codePrefix}002`, …
 */
export function largeContractOptions(params: {
  customerId: string;
  contractId: string;
  codePrefix: string;
  count: number;
  billingStartDate: string;
}): OptionInsert[] {
  if (params.count % 10 !== 0) throw new RangeError(`largeContractOptions: count ${params.count} is not a multiple of ten`);
  const rows: OptionInsert[] = [];
  const base = { customerId: params.customerId, contractId: params.contractId, status: 'active' as const, billingStartDate: params.billingStartDate };
  const add = (row: Omit<OptionInsert, 'customerId' | 'contractId' | 'code'>) => {
    const code = `${params.codePrefix}${String(rows.length + 1).padStart(3, '0')}`;
    rows.push({ ...base, ...row, code });
  };
  for (let group = 0; rows.length < params.count; group++) {
    const dc = DATA_CENTRES[group % DATA_CENTRES.length];
    for (let k = 0; k < 4; k++) {
      add({ kind: 'onprem_port', attributes: { line: k % 2 ? 'individual' : 'optical', speed: k === 3 ? '10G' : '1G', dataCentre: dc, rack: `R${group + 10}-U${k * 4 + 2}` } });
    }
    add({ kind: 'cloud_port', attributes: { cloudType: PRIVATE_CLOUDS[group % 2], speed: '1G', cloudAccountId: `acct-${group}`, cloudConnectionKey: `dx-${group}-private` } });
    add({ kind: 'firewall', attributes: { sessions: 500_000 } });
    const publicPort = randomUUID();
    add({ id: publicPort, kind: 'cloud_port', attributes: { cloudType: 'M2_PUBLIC', speed: '300M', cloudAccountId: `m2-${group}`, cloudConnectionKey: `peering-${group}` } });
    add({ kind: 'napt', portId: publicPort, attributes: { sessions: 30_000 } });
    add({ kind: 'napt', portId: publicPort, attributes: { sessions: 60_000 } });
    add({ kind: 'static_nat', attributes: {} });
  }
  return rows;
}
