import { describe, expect, it } from 'vitest';
import {
  CLOUD_CONDITIONS,
  CLOUD_TYPES,
  OPTION_KINDS,
  PUBLIC_CLOUD_TYPES,
  TERMS_RULE_IDS,
  catalogProblems,
  cloudPortSpeeds,
  isPort,
  m2UpgradeTargets,
  missingCloudConditions,
  ruleArticle,
} from './index';
import type { CloudType, Speed } from './index';

describe('catalog (R-CATALOG, Art. 4.2)', () => {
  it.each([
    ['A_PRIVATE', ['1G', '2G', '5G', '10G']],
    ['A_PUBLIC', ['1G', '2G', '5G', '10G']],
    ['M_PRIVATE', ['1G', '2G', '5G', '10G']],
    ['M_PUBLIC', ['1G', '2G', '5G', '10G']],
    ['M2_PUBLIC', ['100M', '300M', '500M', '1G', '2G', '5G', '10G']],
  ] as [CloudType, Speed[]][])('a %s cloud port offers %j', (type, speeds) => {
    expect(cloudPortSpeeds(type)).toEqual(speeds);
  });

  it('lists five cloud types, three of them public, and six option kinds of which two are ports', () => {
    expect(CLOUD_TYPES).toHaveLength(5);
    expect(PUBLIC_CLOUD_TYPES).toEqual(['A_PUBLIC', 'M_PUBLIC', 'M2_PUBLIC']);
    expect(OPTION_KINDS.filter(isPort)).toEqual(['onprem_port', 'cloud_port']);
  });

  it.each([
    [{ kind: 'onprem_port', line: 'optical', speed: '10G' }, []],
    [{ kind: 'onprem_port', line: 'individual', speed: '1G' }, []],
    [{ kind: 'onprem_port', speed: '1G' }, ['onprem_port needs line in optical/individual']],
    [{ kind: 'onprem_port', line: 'optical', speed: '5G' }, ['onprem_port needs interface in 1G/10G']],
    [{ kind: 'cloud_port', cloudType: 'M2_PUBLIC', speed: '100M' }, []],
    [{ kind: 'cloud_port', cloudType: 'A_PRIVATE', speed: '100M' }, ['cloud_port needs interface in 1G/2G/5G/10G for A_PRIVATE']],
    [{ kind: 'cloud_port', cloudType: 'A_PUBLIC', speed: '1G', line: 'optical' }, ['cloud_port has no line']],
    [{ kind: 'cloud_port', speed: '1G' }, ['cloud_port needs cloudType in A_PRIVATE/A_PUBLIC/M_PRIVATE/M_PUBLIC/M2_PUBLIC']],
    [{ kind: 'napt', sessions: 480_000 }, []],
    [{ kind: 'napt', sessions: 50_000 }, ['napt needs sessions in 30000/60000/120000/240000/480000']],
    [{ kind: 'firewall', sessions: 4_000_000 }, []],
    [{ kind: 'firewall', sessions: 30_000 }, ['firewall needs sessions in 500000/1000000/2000000/3000000/4000000']],
    [{ kind: 'pbb_expansion', speed: '5G' }, []],
    [{ kind: 'pbb_expansion', speed: '1G' }, ['pbb_expansion needs item in 5G/10G']],
    [{ kind: 'static_nat' }, []],
    [{ kind: 'static_nat', sessions: 1 }, ['static_nat has no sessions']],
    [{ kind: 'vpn' }, ['"vpn" is not an option kind']],
  ])('%j → %j', (option, problems) => {
    expect(catalogProblems(option as never)).toEqual(problems);
  });
});

describe('m2UpgradeTargets (R-M2-UPGRADE-ONLY, Art. 4.4): upward only, within 100M–1G', () => {
  it.each([
    ['100M', ['300M', '500M', '1G']],
    ['300M', ['500M', '1G']],
    ['500M', ['1G']],
    ['1G', []],
    ['2G', []],
    ['5G', []],
    ['10G', []],
  ] as [Speed, Speed[]][])('from %s the port may move to %j', (from, targets) => {
    expect(m2UpgradeTargets(from)).toEqual(targets);
  });
});

describe('ruleArticle: every rule names its article of the terms', () => {
  it.each([
    ['R-M2-UPGRADE-ONLY', 'Art. 4.4'],
    ['R-ITEM-CHANGE', 'Art. 4.5'],
    ['R-ELIG-PBB', 'Art. 2.1'],
    ['R-ETF', 'Art. 8, App. 3'],
    ['R-SLA-CLAIM-WINDOW', 'Art. 9'],
  ] as const)('%s comes from %s', (rule, article) => {
    expect(ruleArticle(rule)).toBe(article);
  });

  it('covers the 24 rule IDs of rules.md', () => {
    expect(TERMS_RULE_IDS).toHaveLength(24);
    for (const rule of TERMS_RULE_IDS) expect(ruleArticle(rule)).toMatch(/^(Art\. \d|App\.)/);
  });
});

describe('missingCloudConditions (R-CLOUD-CONDITIONS, Art. 4.3): a cloud port needs all four confirmations', () => {
  it('with all four confirmed nothing is missing', () => {
    expect(missingCloudConditions([...CLOUD_CONDITIONS])).toEqual([]);
  });

  it('an unticked condition is named', () => {
    expect(missingCloudConditions(['operator_terms', 'cloud_side_setup', 'cloud_support_elsewhere'])).toEqual(['disclose_cloud_info']);
    expect(missingCloudConditions([])).toHaveLength(4);
  });
});
