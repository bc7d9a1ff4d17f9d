import { randomUUID } from 'node:crypto';
import { idNumber, mobileNumber } from './review-helpers';

/** A master as the paper file shows them; `commendedOn` and the payments vary per case. */
export function paperMaster(over: Record<string, unknown> = {}) {
  const commendedOn = (over.commendedOn as string | undefined) ?? '2019-12-28';
  return {
    name: `纸档${randomUUID().slice(0, 4)}`,
    idNumber: idNumber(),
    mobile: mobileNumber(),
    employer: '温州瓯海鞋业有限公司',
    trade: '制鞋',
    industry: 'footwear_leather',
    roundYear: 2019,
    commendedOn: '2019-12-28',
    bonusPaid: { reference: `BONUS-${randomUUID().slice(0, 6)}`, paidOn: commendedOn } as { reference: string; paidOn: string } | null,
    subsidiesPaid: [] as Array<{ instalment: number; reference: string; paidOn: string }>,
    ...over,
  };
}
