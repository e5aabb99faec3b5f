// Where each rule comes from in the terms (spec/rules.md).
import type { RuleId } from './types';

/** Every rule ID of spec/rules.md: those checkChange reports, and those applied elsewhere. */
export type TermsRuleId =
  | RuleId
  | 'R-ONE-PER-NETWORK'
  | 'R-CLOUD-CONDITIONS'
  | 'R-EFFECTIVE-DATE'
  | 'R-MIN-TERM'
  | 'R-ETF'
  | 'R-PBB-ENDS'
  | 'R-FEES'
  | 'R-SLA-AVAIL'
  | 'R-SLA-NOTIFY'
  | 'R-SLA-CAP'
  | 'R-SLA-EXCLUSIONS'
  | 'R-SLA-CLAIM-WINDOW';

const RULE_ARTICLES: Readonly<Record<TermsRuleId, string>> = {
  'R-ELIG-PBB': 'Art. 2.1',
  'R-NAPT-NEEDS-PUBLIC': 'Art. 2.2',
  'R-FW-NEEDS-PRIVATE': 'Art. 2.3',
  'R-SNAT-NEEDS-PUBLIC': 'Art. 2.4',
  'R-ONE-PER-NETWORK': 'Art. 3',
  'R-PORT-REQUIRED': 'Art. 4.1',
  'R-CATALOG': 'Art. 4.2',
  'R-ADDON-QUANTITY': 'Art. 4.2',
  'R-UNKNOWN-OPTION': 'Art. 4.2',
  'R-NAPT-PER-PORT': 'Art. 4.2 (I-2)',
  'R-CLOUD-CONDITIONS': 'Art. 4.3',
  'R-M2-UPGRADE-ONLY': 'Art. 4.4',
  'R-ITEM-CHANGE': 'Art. 4.5',
  'R-MIN-TERM': 'Art. 4.6',
  'R-EFFECTIVE-DATE': 'Art. 4.6, Art. 6.1',
  'R-ALREADY-ENDING': 'Art. 4.6, Art. 6.1',
  'R-SLA-AVAIL': 'Art. 5.1, App. 1 §1',
  'R-SLA-NOTIFY': 'Art. 5.1, App. 1 §2',
  'R-SLA-EXCLUSIONS': 'Art. 5.2, App. 1 §1',
  'R-PBB-ENDS': 'Art. 6.2',
  'R-FEES': 'Art. 7, App. 2',
  'R-ETF': 'Art. 8, App. 3',
  'R-SLA-CAP': 'Art. 9',
  'R-SLA-CLAIM-WINDOW': 'Art. 9',
};

export const TERMS_RULE_IDS = Object.keys(RULE_ARTICLES) as readonly TermsRuleId[];

/** The article of the terms a rule applies, e.g. 'Art. 4.4'. */
export function ruleArticle(rule: TermsRuleId): string {
  return RULE_ARTICLES[rule];
}
