/**
 * Resident identity card numbers, GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit
 * sequence (odd for men, even for women), and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Why an ID number is refused, or null if it is valid. */
export function idNumberProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  if (/[\uFF10-\uFF19\uFF38\uFF58]/.test(value)) return 'contains full-width characters; use ASCII digits and X';
  if (/^\d{15}$/.test(value)) return 'the 15-digit legacy form is not accepted; give the 18-character number';
  if (value.length !== 18) return 'must be 18 characters';
  if (!/^\d{17}[\dX]$/.test(value)) return "must be 17 digits and a check character (a digit or uppercase 'X')";
  if (!birthDateOf(value)) return 'contains a birth date that does not exist';
  if (checkCharacter(value.slice(0, 17)) !== value[17]) return 'fails the GB 11643 check digit';
  return null;
}

/** The birth date encoded in an ID number, as YYYY-MM-DD, or null if it is not a real date. */
export function birthDateOf(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export function sexOf(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}
