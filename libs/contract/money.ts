/** Money is kept in whole fen (分): 1 yuan = 100 fen. Never a float. */
export const FEN_PER_YUAN = 100;

export function yuan(amount: number): number {
  if (!Number.isInteger(amount)) throw new RangeError(`yuan(${amount}): whole yuan only`);
  return amount * FEN_PER_YUAN;
}

export const PAYMENT_KINDS = ['bonus', 'subsidy', 'studio_grant'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
