// Whole-yen amounts (tax excluded), held as integers.

/** Throws a RangeError naming `field` unless `value` is a non-negative whole number of yen. */
export function assertYen(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field}: not a non-negative whole number of yen (${String(value)})`);
  }
  return value;
}

/** The consumption tax rate (10%, I-7): the one constant every tax amount comes from. */
export const CONSUMPTION_TAX = { numerator: 1, denominator: 10 } as const;

/** Consumption tax (10%) on a tax-excluded amount, rounded down (R-FEES). */
export function consumptionTaxYen(amountYen: number): number {
  return Math.floor((assertYen('amountYen', amountYen) * CONSUMPTION_TAX.numerator) / CONSUMPTION_TAX.denominator);
}
