// Catalog keys in words for every screen that lists fees or prices: a customer reads "Type A:
// Private (AWS Direct Connect) / Interface 1G", never `A_PRIVATE:1G` (glossary wording). Pure, so
// server and client components both use it.
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The name of a price-list kind: an option kind, or the Smart HUB basic service. */
export function priceKindLabel(t: Translate, kind: string): string {
  return kind === 'basic' ? t('backoffice.prices.basic') : t(`kinds.${kind}`);
}

/**
 * A price-list item key (as lib/billing/prices keys it) in words: 'optical:1G' → "Premises line:
 * optical / Interface 1G". `clouds` picks the cloud names: the glossary's full ones for customers,
 * the short ones where a table is dense (the operators' price list).
 */
export function priceItemLabel(t: Translate, kind: string, item: string, clouds: 'clouds' | 'cloudsShort' = 'clouds'): string {
  if (item === '') return t('details.none');
  const [first = '', speed = ''] = item.split(':');
  switch (kind) {
    case 'onprem_port':
      return `${t(`lines.${first}`)} / ${t('details.interface', { speed })}`;
    case 'cloud_port':
      return `${t(`${clouds}.${first}`)} / ${t('details.interface', { speed })}`;
    case 'napt':
    case 'firewall':
      return t('details.sessions', { count: Number(item) });
    case 'pbb_expansion':
      return t('details.item', { item });
    default:
      return item;
  }
}
