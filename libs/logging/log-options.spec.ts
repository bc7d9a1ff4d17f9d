import pino from 'pino';
import { logLevel, pinoOptions } from './log-options';

describe('pinoOptions', () => {
  const logged = (obj: object, msg = 'x') => {
    const out: string[] = [];
    pino(pinoOptions('api'), { write: (s: string) => void out.push(s) }).info(obj, msg);
    return JSON.parse(out.join('')) as Record<string, any>;
  };

  it('redacts personal fields at any depth a logged object reaches, and credentials', () => {
    const line = logged({
      idNumber: '330304198001011234',
      form: { name: '欧阳翠花', mobile: '13912345678', homeAddress: '丽塘村77号', payee: { accountNumber: '6222020200001234' } },
      req: { headers: { authorization: 'Bearer abc', cookie: 's=1' } },
      body: { anything: 1 },
      candidateId: 'c-1',
    });
    const text = JSON.stringify(line);
    for (const secret of ['330304198001011234', '欧阳翠花', '13912345678', '丽塘村77号', '6222020200001234', 'Bearer abc', 's=1', 'anything']) {
      expect(text).not.toContain(secret);
    }
    expect(line).toMatchObject({ idNumber: '[redacted]', form: { name: '[redacted]', payee: { accountNumber: '[redacted]' } }, candidateId: 'c-1', service: 'api' });
  });

  it('writes ISO times and takes its level from LOG_LEVEL, refusing a typo', () => {
    expect(logged({}).time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(logLevel({ LOG_LEVEL: 'WARN' })).toBe('warn');
    expect(logLevel({})).toBe('info');
    expect(() => logLevel({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of/);
  });
});
