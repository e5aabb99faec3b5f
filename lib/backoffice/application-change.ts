// An application as lib/rules judges it: what it asked for, with the ports it adds named by
// their ids (each NAPT add-on's portId names its port, in the application or already held).
import type { OptionRow } from '@/lib/contract/rows';
import { toNewOption } from '@/lib/contract/state';
import type { Change } from '@/lib/rules';

export function applicationChange(type: 'new_contract' | 'add_option', rows: OptionRow[]): Change {
  const applied = rows.map((r) => ({ ...toNewOption(r), ...(r.kind === 'cloud_port' ? { ref: r.id } : {}) }));
  if (type === 'new_contract') return { type: 'new_contract', options: applied };
  return applied.length === 1 && applied[0] ? { type: 'add_option', option: applied[0] } : { type: 'add_options', options: applied };
}
