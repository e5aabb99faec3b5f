// Whole-yen amounts (tax excluded), held as integers.

/** Throws a RangeError naming `field` unless `value` is a non-negative whole number of yen. */
export function assertYen(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field}: not a non-negative whole number of yen (${String(value)})`);
  }
  return value;
}

/** Consumption tax (10%) on a tax-excluded amount, rounded down (R-FEES). */
export function consumptionTaxYen(amountYen: number): number {
  return Math.floor(assertYen('amountYen', amountYen) / 10);
}
