/** Money to the cent, as a SOW prints it. */
export const toCents = (amount: number): number => Math.round(amount * 100) / 100;

/**
 * A statement of work's figures: each item's amount (hours × its copied rate, to the cent) and the
 * totals, the amount being the sum of the items' rounded amounts so the printed lines add up.
 *
 * @example sowTotals([{ hours: 10, hourlyRate: 220 }, { hours: 2.5, hourlyRate: 165 }]) // 12.5 h, 2612.5
 */
export function sowTotals(items: readonly { hours: number; hourlyRate: number }[]): {
  amounts: number[];
  totalHours: number;
  totalAmount: number;
} {
  const amounts = items.map((i) => toCents(i.hours * i.hourlyRate));
  return {
    amounts,
    totalHours: toCents(items.reduce((sum, i) => sum + i.hours, 0)),
    totalAmount: toCents(amounts.reduce((sum, a) => sum + a, 0)),
  };
}
