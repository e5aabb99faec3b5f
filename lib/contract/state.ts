// Rows as lib/rules sees them: the ContractState a verdict is asked of.
import type { OptionAttributes } from '@/db/schema';
import { statusOn, type ContractState, type NewOption, type OptionState, type ShownStatus } from '@/lib/rules';
import type { ContractRow, OptionRow } from './rows';

export function toOptionState(row: OptionRow): OptionState {
  const a: OptionAttributes = row.attributes;
  return {
    id: row.id,
    kind: row.kind,
    ...(a.cloudType ? { cloudType: a.cloudType } : {}),
    ...(a.speed ? { speed: a.speed } : {}),
    ...(a.line ? { line: a.line } : {}),
    ...(a.sessions !== undefined ? { sessions: a.sessions } : {}),
    ...(row.portId ? { portId: row.portId } : {}),
    ...(row.billingStartDate ? { billingStartDate: row.billingStartDate } : {}),
    ...(row.endsOn ? { endsOn: row.endsOn } : {}),
  };
}

/** An option row as a new option (what an application asked for). */
export function toNewOption(row: OptionRow): NewOption {
  const { id: _id, billingStartDate: _start, endsOn: _ends, ...option } = toOptionState(row);
  return option;
}

export function toContractState(pbbCount: number, rows: OptionRow[]): ContractState {
  return { activePbbContracts: pbbCount, options: rows.map(toOptionState) };
}

export type DisplayStatus = ShownStatus;

/** What the customer sees: ended once the last day has passed, "ending on D" while a notice is pending (lib/rules statusOn). */
export function displayStatus(row: Pick<OptionRow | ContractRow, 'status' | 'endsOn'>, today: string): DisplayStatus {
  return statusOn(row, today);
}
