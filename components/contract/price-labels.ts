// The price-list labels live beside the other words of lib/i18n, so statements (lib/billing) say
// the same; screens keep importing them from here.
export { priceItemLabel, priceKindLabel } from '@/lib/i18n/price-labels';
