type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The name of a price-list kind: an option kind, or the Smart HUB basic service. */
export function priceKindLabel(t: Translate, kind: string): string {
  return kind === 'basic' ? t('backoffice.prices.basic') : t(`kinds.${kind}`);
}

/** A price-list item key (as lib/billing/prices keys it) in words: 'optical:1G' → "Premises line: optical / Interface 1G". */
export function priceItemLabel(t: Translate, kind: string, item: string): string {
  if (item === '') return t('details.none');
  const [first = '', speed = ''] = item.split(':');
  switch (kind) {
    case 'onprem_port':
      return `${t(`lines.${first}`)} / ${t('details.interface', { speed })}`;
    case 'cloud_port':
      return `${t(`cloudsShort.${first}`)} / ${t('details.interface', { speed })}`;
    case 'napt':
    case 'firewall':
      return t('details.sessions', { count: Number(item) });
    case 'pbb_expansion':
      return t('details.item', { item });
    default:
      return item;
  }
}
