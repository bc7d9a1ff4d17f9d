/** Fen (the API's money) as yuan with two decimals and thousands separators, e.g. 30,000.00; '—' when there is no amount. */
export function yuan(fen: unknown): string {
  return typeof fen === 'number' ? (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '—';
}
