import { birthDateOf, checkCharacter, idNumberProblem, sexOf } from '../../libs/domain/id-number';

/**
 * Independent reference for the ISO 7064 MOD 11-2 check character: the weight of the character at
 * position i (counted from the right, the check character being position 1) is 2^(i-1) mod 11, and
 * the check value is (12 - sum mod 11) mod 11, where 10 is written 'X'.
 */
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let j = 0; j < 17; j++) {
    const positionFromRight = 18 - j;
    let weight = 1;
    for (let k = 1; k < positionFromRight; k++) weight = (weight * 2) % 11;
    sum += Number(first17[j]) * weight;
  }
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}
const withCheck = (first17: string) => first17 + referenceCheck(first17);

/** Deterministic pseudo-random numbers, so failures reproduce. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function sampleIds(count: number): string[] {
  const rnd = lcg(11643);
  const regions = ['330304', '110105', '440305', '310115', '330381'];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const y = 1940 + rnd(80);
    const m = 1 + rnd(12);
    const d = 1 + rnd(28);
    ids.push(withCheck(regions[rnd(regions.length)] + pad(y, 4) + pad(m, 2) + pad(d, 2) + pad(rnd(1000), 3)));
  }
  return ids;
}

describe('reference implementation sanity', () => {
  it('reproduces the check character of the published example 11010519491231002X', () => {
    expect(referenceCheck('11010519491231002')).toBe('X');
  });
});

describe('checkCharacter', () => {
  it('agrees with an independent ISO 7064 MOD 11-2 implementation on many numbers', () => {
    for (const id of sampleIds(300)) expect(checkCharacter(id.slice(0, 17))).toBe(referenceCheck(id.slice(0, 17)));
  });

  it("yields every possible check character, including 'X'", () => {
    const seen = new Set(sampleIds(2000).map((id) => id[17]));
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });
});

describe('idNumberProblem', () => {
  it('accepts the published example 11010519491231002X', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
  });

  it('accepts numbers whose check character was computed independently', () => {
    for (const id of sampleIds(300)) expect({ id, problem: idNumberProblem(id) }).toEqual({ id, problem: null });
  });

  it('accepts a 29 February birth date in a leap year', () => {
    expect(idNumberProblem(withCheck('33030420000229123'))).toBeNull();
  });

  it('refuses every wrong check character', () => {
    const id = withCheck('33030419900101123');
    for (const wrong of '0123456789X'.split('').filter((c) => c !== id[17])) {
      expect(idNumberProblem(id.slice(0, 17) + wrong)).toMatch(/check digit/);
    }
  });

  it('refuses a single mistyped digit (the check digit catches it)', () => {
    const id = '11010519491231002X';
    const typo = '11010519491231003X'; // sequence 002 → 003
    expect(idNumberProblem(id)).toBeNull();
    expect(idNumberProblem(typo)).toMatch(/check digit/);
  });

  it("refuses a lowercase 'x' check character and says uppercase 'X' is wanted", () => {
    expect(idNumberProblem('11010519491231002x')).toMatch(/uppercase 'X'/);
  });

  it('refuses full-width digits and says so', () => {
    const fullWidth = '１１０１０５１９４９１２３１００２Ｘ';
    expect(fullWidth).toHaveLength(18);
    expect(idNumberProblem(fullWidth)).toMatch(/full-width/);
  });

  it('refuses a single full-width digit hidden among ASCII digits', () => {
    expect(idNumberProblem('1101051949123100２X')).toMatch(/full-width/);
  });

  it("refuses a full-width 'ｘ' check character", () => {
    expect(idNumberProblem('11010519491231002ｘ')).toMatch(/full-width/);
  });

  it('refuses the 15-digit legacy form and says so', () => {
    expect(idNumberProblem('110105491231002')).toMatch(/15-digit legacy form/);
  });

  it('refuses 17 and 19 characters with a length message', () => {
    expect(idNumberProblem('11010519491231002')).toMatch(/18 characters/);
    expect(idNumberProblem('11010519491231002X1')).toMatch(/18 characters/);
    expect(idNumberProblem('110105194912310021')).not.toMatch(/18 characters/); // 18 characters: not a length problem
  });

  it('refuses the empty string', () => {
    expect(idNumberProblem('')).toMatch(/18 characters/);
  });

  it('refuses letters other than a final X', () => {
    expect(idNumberProblem('1101051949123100AX')).toMatch(/17 digits and a check character/);
    expect(idNumberProblem('X10105194912310021')).toMatch(/17 digits and a check character/);
  });

  it.each([
    ['19900230', '30 February'],
    ['20230229', '29 February in a common year'],
    ['19000229', '29 February 1900 (not a leap year)'],
    ['19901301', 'month 13'],
    ['19900001', 'month 00'],
    ['19900100', 'day 00'],
    ['19900431', '31 April'],
  ])('refuses a birth date that does not exist: %s (%s), even with a correct check digit', (date) => {
    expect(idNumberProblem(withCheck(`330304${date}123`))).toMatch(/birth date that does not exist/);
  });

  it('refuses values that are not strings', () => {
    expect(idNumberProblem(11010519491231002)).toBe('must be a string');
    expect(idNumberProblem(null)).toBe('must be a string');
    expect(idNumberProblem(undefined)).toBe('must be a string');
  });
});

describe('sexOf', () => {
  it('reads an odd 17th digit as male', () => {
    for (const d of '13579') expect(sexOf(withCheck(`3303041990010112${d}`))).toBe('male');
  });

  it('reads an even 17th digit (including 0) as female', () => {
    for (const d of '02468') expect(sexOf(withCheck(`3303041990010112${d}`))).toBe('female');
  });

  it('reads the published example (sequence 002) as female', () => {
    expect(sexOf('11010519491231002X')).toBe('female');
  });

  it('looks at the 17th digit, not the check character', () => {
    // 17th digit 1 (male), check character happens to be even or X: still male.
    const id = withCheck('33030419900101121');
    expect(sexOf(id)).toBe('male');
  });
});

describe('birthDateOf', () => {
  it('returns the encoded birth date as YYYY-MM-DD', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateOf(withCheck('33030420000229123'))).toBe('2000-02-29');
    expect(birthDateOf(withCheck('33030419900101123'))).toBe('1990-01-01');
  });

  it('returns null for a date that does not exist', () => {
    expect(birthDateOf(withCheck('33030419900230123'))).toBeNull();
    expect(birthDateOf(withCheck('33030419901301123'))).toBeNull();
  });

  it('returns null for a year before 1900', () => {
    expect(birthDateOf(withCheck('33030418991231123'))).toBeNull();
  });
});
