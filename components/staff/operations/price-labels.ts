// The price-list labels are shared with the customer's screens (components/contract/price-labels.ts);
// the operators' dense table keeps the short cloud names.
import { priceItemLabel as itemLabel, priceKindLabel } from '@/components/contract/price-labels';

type Translate = Parameters<typeof itemLabel>[0];

export { priceKindLabel };

export function priceItemLabel(t: Translate, kind: string, item: string): string {
  return itemLabel(t, kind, item, 'cloudsShort');
}
