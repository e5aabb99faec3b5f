// R-FEES (Art. 7, App. 2) and R-MIN-TERM (Art. 4.6 ¶1) as a customer sees them before ordering:
// each fee line with its consumption tax, the minimum use period, and the totals. The amounts
// come from the operators' price list; the caller looks them up and passes them in.
import { isPort } from './catalog';
import { MINIMUM_TERM_MONTHS } from './fees';
import { assertYen, consumptionTaxYen } from './money';

/** The price-list amounts of one item (tax excluded); null when the list has no row for it. */
export interface ItemPrice {
  initialYen: number;
  monthlyYen: number;
  oneTimeYen: number;
}

export interface QuoteItem {
  /** 'basic' (the Smart HUB basic fee) or an option kind. */
  kind: string;
  /** The price-list item key ('' where the kind has none). */
  item: string;
  price: ItemPrice | null;
}

export interface FeeLine {
  kind: string;
  item: string;
  initialYen: number;
  monthlyYen: number;
  oneTimeYen: number;
  /** Tax beside every tax-excluded amount (R-FEES: 10%, rounded down). */
  taxOnInitialYen: number;
  taxOnMonthlyYen: number;
  /** R-MIN-TERM: 3 for a port, null for everything else (the contract itself has none, Art. 1). */
  minimumTermMonths: number | null;
  /** False when the price list has no row for the item: the customer is told the price is not set. */
  priced: boolean;
}

export interface Quote {
  fees: FeeLine[];
  totalInitialYen: number;
  totalMonthlyYen: number;
  taxOnTotalInitialYen: number;
  taxOnTotalMonthlyYen: number;
}

/** R-MIN-TERM: the months of a kind's minimum use period, or null when it has none. */
export function minimumTermMonths(kind: string): number | null {
  return isPort(kind) ? MINIMUM_TERM_MONTHS : null;
}

/** One fee line of a quote. An unpriced item costs 0 and says so (`priced: false`). */
export function quoteLine({ kind, item, price }: QuoteItem): FeeLine {
  const initialYen = assertYen('price.initialYen', price?.initialYen ?? 0);
  const monthlyYen = assertYen('price.monthlyYen', price?.monthlyYen ?? 0);
  return {
    kind,
    item,
    initialYen,
    monthlyYen,
    oneTimeYen: assertYen('price.oneTimeYen', price?.oneTimeYen ?? 0),
    taxOnInitialYen: consumptionTaxYen(initialYen),
    taxOnMonthlyYen: consumptionTaxYen(monthlyYen),
    minimumTermMonths: minimumTermMonths(kind),
    priced: price !== null,
  };
}

/**
 * The quote of a new contract (the basic fee line first) or of added options. The tax on a
 * total is the tax on the summed amount, so it may be a yen above the sum of the lines' taxes.
 */
export function quoteOrder(items: QuoteItem[]): Quote {
  const fees = items.map(quoteLine);
  const totalInitialYen = fees.reduce((sum, f) => sum + f.initialYen, 0);
  const totalMonthlyYen = fees.reduce((sum, f) => sum + f.monthlyYen, 0);
  return {
    fees,
    totalInitialYen,
    totalMonthlyYen,
    taxOnTotalInitialYen: consumptionTaxYen(totalInitialYen),
    taxOnTotalMonthlyYen: consumptionTaxYen(totalMonthlyYen),
  };
}

export interface ChangeQuote {
  monthlyBeforeYen: number;
  taxOnMonthlyBeforeYen: number;
  monthlyAfterYen: number;
  taxOnMonthlyAfterYen: number;
  /** R-FEES: an item change (Art. 4.5) owes the new item's one-time fee; an M2 upgrade owes none. */
  oneTimeYen: number;
  taxOnOneTimeYen: number;
}

/** The fees of a change: monthly before and after, each with tax, and the one-time fee with tax. */
export function quoteChange(input: {
  type: 'change_speed' | 'change_item';
  before: ItemPrice | null;
  after: ItemPrice | null;
}): ChangeQuote {
  const before = quoteLine({ kind: '', item: '', price: input.before });
  const after = quoteLine({ kind: '', item: '', price: input.after });
  const oneTimeYen = input.type === 'change_item' ? after.oneTimeYen : 0;
  return {
    monthlyBeforeYen: before.monthlyYen,
    taxOnMonthlyBeforeYen: before.taxOnMonthlyYen,
    monthlyAfterYen: after.monthlyYen,
    taxOnMonthlyAfterYen: after.taxOnMonthlyYen,
    oneTimeYen,
    taxOnOneTimeYen: consumptionTaxYen(oneTimeYen),
  };
}
