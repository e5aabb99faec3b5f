// The exported types of lib/rules, exactly as spec/rules.md §7 fixes them.

export type OptionKind = 'onprem_port' | 'cloud_port' | 'napt' | 'pbb_expansion' | 'firewall' | 'static_nat';
export type CloudType = 'A_PRIVATE' | 'A_PUBLIC' | 'M_PRIVATE' | 'M_PUBLIC' | 'M2_PUBLIC';
export type Speed = '100M' | '300M' | '500M' | '1G' | '2G' | '5G' | '10G';
export type PremisesLine = 'optical' | 'individual';
export type RuleId =
  | 'R-ELIG-PBB'
  | 'R-PORT-REQUIRED'
  | 'R-NAPT-NEEDS-PUBLIC'
  | 'R-SNAT-NEEDS-PUBLIC'
  | 'R-FW-NEEDS-PRIVATE'
  | 'R-CATALOG'
  | 'R-ADDON-QUANTITY'
  | 'R-M2-UPGRADE-ONLY'
  | 'R-ITEM-CHANGE'
  | 'R-UNKNOWN-OPTION'
  | 'R-ALREADY-ENDING'
  | 'R-NAPT-PER-PORT';

export interface OptionState {
  id: string;
  kind: OptionKind;
  cloudType?: CloudType; // cloud_port
  speed?: Speed; // interface of a port; the item of pbb_expansion ('5G' | '10G')
  line?: PremisesLine; // onprem_port
  sessions?: number; // item of napt / firewall
  portId?: string; // napt: the public cloud port it is assigned to (an id, or a ref in the same change)
  billingStartDate?: string; // absent while pending
  endsOn?: string; // scheduled last day, when a cancellation is pending
}

/** The options of one Smart HUB contract that have not yet ended, pending ones included. */
export interface ContractState {
  activePbbContracts: number;
  options: OptionState[];
}

/** An option a change adds; `ref` names it for another new option's `portId` (a port with its NAPT). */
export type NewOption = Omit<OptionState, 'id' | 'billingStartDate' | 'endsOn'> & { ref?: string };

export type Change =
  | { type: 'new_contract'; options: NewOption[] }
  | { type: 'add_option'; option: NewOption }
  | { type: 'add_options'; options: NewOption[] } // one application, judged as one (e.g. a public port with its NAPT)
  | { type: 'change_speed'; optionId: string; to: Speed }
  | { type: 'change_item'; optionId: string; to: Speed | number }
  | { type: 'cancel_option'; optionId: string; effectiveDate: string }
  | { type: 'cancel_contract'; effectiveDate: string };

export interface Violation {
  rule: RuleId;
  message: string;
}

export type Verdict = { ok: true } | { ok: false; violations: Violation[] };
