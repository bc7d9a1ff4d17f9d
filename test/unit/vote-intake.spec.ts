import { BadRequestException } from '@nestjs/common';
import { validationPipe } from '../../apps/api/src/common/validation';
import { wellFormedVote } from '../../apps/api/src/voting/vote-intake';
import { CastVoteDto } from '../../apps/api/src/voting/vote.dto';

const CANDIDATE = '3f1c2a4e-9b7d-4c1e-8a2f-6d5e4c3b2a10';
const good = { candidateId: CANDIDATE, verifier: 'dev', credential: 'voter-1' };

/** Whether the controller's own validation (the global ValidationPipe on CastVoteDto) accepts the body. */
async function controllerAccepts(body: unknown): Promise<boolean> {
  try {
    await validationPipe().transform(body, { type: 'body', metatype: CastVoteDto });
    return true;
  } catch (err) {
    if (err instanceof BadRequestException) return false;
    throw err;
  }
}

/**
 * The vote intake takes a body only when it is exactly a vote the controller would accept; anything
 * else goes on to the controller, whose 400 names the fields. What it takes must never be more than
 * the DTO accepts (or a malformed vote would skip its 400); on these cases it is exactly as much.
 */
describe('wellFormedVote', () => {
  const bodies: Array<[string, unknown]> = [
    ['a dev vote', good],
    ['a WeChat vote', { ...good, verifier: 'wechat', credential: '071AbCdEf' }],
    ['an upper-case UUID', { ...good, candidateId: CANDIDATE.toUpperCase() }],
    ['a credential of 512 characters', { ...good, credential: 'x'.repeat(512) }],
    ['a credential of 513 characters', { ...good, credential: 'x'.repeat(513) }],
    ['512 characters outside the BMP', { ...good, credential: '😀'.repeat(512) }],
    ['an empty credential', { ...good, credential: '' }],
    ['a blank credential', { ...good, credential: '   ' }],
    ['a numeric credential', { ...good, credential: 42 }],
    ['the nil UUID', { ...good, candidateId: '00000000-0000-0000-0000-000000000000' }],
    ['a UUID of version 0', { ...good, candidateId: '3f1c2a4e-9b7d-0c1e-8a2f-6d5e4c3b2a10' }],
    ['a UUID with a bad variant', { ...good, candidateId: '3f1c2a4e-9b7d-4c1e-2a2f-6d5e4c3b2a10' }],
    ['a UUID without dashes', { ...good, candidateId: CANDIDATE.replace(/-/g, '') }],
    ['an unknown verifier', { ...good, verifier: 'sms' }],
    ['a verifier in another case', { ...good, verifier: 'DEV' }],
    ['a missing field', { candidateId: CANDIDATE, verifier: 'dev' }],
    ['an undefined field', { ...good, credential: undefined }],
    ['an extra field', { ...good, votes: 5 }],
    ['an extra field in place of one', { candidateId: CANDIDATE, verifier: 'dev', credentials: 'x' }],
    ['an own __proto__ key', JSON.parse(`{"candidateId":"${CANDIDATE}","verifier":"dev","__proto__":{"credential":"x"}}`)],
    ['an array', [good]],
    ['null', null],
    ['a string', 'vote'],
  ];

  it.each(bodies)('takes %s exactly when the controller would accept it', async (_what, body) => {
    expect(wellFormedVote(body) !== null).toBe(await controllerAccepts(body));
  });

  it('gives the vote as a plain value with the three fields', () => {
    for (const body of [good, { ...good, verifier: 'wechat' }, { ...good, candidateId: CANDIDATE.toUpperCase() }]) expect(wellFormedVote(body)).toEqual(body);
  });
});
