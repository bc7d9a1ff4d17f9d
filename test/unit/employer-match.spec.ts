import { compareEmployers, employerKey, normaliseEmployer, sameEmployer, similarity } from '../../apps/api/src/candidates/employer-match';

/**
 * An expert of the candidate's employer is recused (回避). Names are compared as people write them:
 * places in front and the company type at the end set aside; near matches go to the office.
 */
const kindOf = (a: string, b: string) => compareEmployers(a, b).kind;

describe('normaliseEmployer', () => {
  it.each([
    [' 温州 华鞋业 有限公司 ', '温州华鞋业有限公司'],
    ['温州\t华鞋业\u3000有限公司', '温州华鞋业有限公司'],
    ['温州华鞋业（瓯海）有限公司', '温州华鞋业(瓯海)有限公司'],
    ['ＡＢＣ眼镜１号厂', 'abc眼镜1号厂'],
    ['ABC Optical Co., Ltd.', 'abcoptical'],
    ['Unico', 'unico'],
  ])('%s → %s', (raw, normalised) => {
    expect(normaliseEmployer(raw)).toBe(normalised);
  });
});

describe('employerKey', () => {
  it.each([
    ['浙江省温州市瓯海区金鹰鞋业有限公司', '金鹰鞋业', ['浙江', '温州', '瓯海']],
    ['温州金鹰鞋业有限公司', '金鹰鞋业', ['温州']],
    ['金鹰鞋业', '金鹰鞋业', []],
    ['瓯海区娄桥街道金鹰鞋业', '金鹰鞋业', ['瓯海', '娄桥']],
    ['温州市永强镇金鹰鞋业有限公司', '金鹰鞋业', ['温州', '永强镇']],
    ['温州金鹰鞋业有限公司瓯海分公司', '金鹰鞋业', ['温州']],
    ['浙江奥康鞋业股份有限公司', '奥康鞋业', ['浙江']],
    ['康奈集团有限公司', '康奈', []],
    ['瓯海区明明眼镜店', '明明眼镜', ['瓯海']],
    ['温州锁具工作室', '温州锁具', []],
    ['瓯海皮革专业合作社', '瓯海皮革', []],
  ])('%s → core %s', (name, core, places) => {
    expect(employerKey(normaliseEmployer(name))).toEqual({ core, places });
  });

  it('keeps the place when nothing but a line of business or a kind of institution would be left', () => {
    expect(employerKey(normaliseEmployer('瓯海鞋业有限公司')).core).toBe('瓯海鞋业');
    expect(employerKey(normaliseEmployer('温州大学')).core).toBe('温州大学');
    expect(employerKey(normaliseEmployer('温州职业技术学院')).core).toBe('温州职业技术学院');
  });

  it('does not take a market for a city', () => {
    expect(employerKey(normaliseEmployer('金鹰鞋业市场')).core).toBe('金鹰鞋业市场');
  });
});

describe('compareEmployers: the same employer, recused automatically', () => {
  it.each([
    ['the case that slipped through: short name against the registered one', '金鹰鞋业', '温州金鹰鞋业有限公司'],
    ['province, city and district in front', '浙江省温州市瓯海区金鹰鞋业有限公司', '金鹰鞋业'],
    ['city with and without 市', '温州市金鹰鞋业有限公司', '温州金鹰鞋业有限公司'],
    ['a district inside the city named by the other', '瓯海金鹰鞋业有限公司', '温州金鹰鞋业有限公司'],
    ['a sub-district of Ouhai', '瓯海区娄桥街道金鹰鞋业', '温州金鹰鞋业有限公司'],
    ['a county-level city of Wenzhou', '瑞安金鹰鞋业有限公司', '温州金鹰鞋业有限公司'],
    ['joint-stock against limited company', '浙江奥康鞋业股份有限公司', '奥康鞋业有限公司'],
    ['limited liability company', '温州瓯海眼镜有限责任公司', '温州瓯海眼镜有限公司'],
    ['group company', '康奈集团有限公司', '康奈集团'],
    ['a factory', '温州金鹰鞋厂', '金鹰鞋'],
    ['a branch of the same company', '温州金鹰鞋业有限公司瓯海分公司', '金鹰鞋业'],
    ['identical names', '温州市瓯海华鞋业有限公司', '温州市瓯海华鞋业有限公司'],
    ['different case', 'ABC Optical Co.', 'abc optical co.'],
    ['a Latin company type', 'ABC Optical Co., Ltd.', 'ABC Optical'],
    ['spaces inside and around', ' 温州 华鞋业 有限公司 ', '温州华鞋业有限公司'],
    ['tabs and a full-width space', '温州\t华鞋业\u3000有限公司', '温州华鞋业有限公司'],
    ['full-width and half-width brackets', '温州华鞋业（瓯海）有限公司', '温州华鞋业(瓯海)有限公司'],
    ['full-width Latin letters and digits', 'ＡＢＣ眼镜１号厂', 'abc眼镜1号厂'],
    ['full-width letters, brackets and spaces together', 'ＡＢＣ 锁具（温州） 有限公司', 'abc锁具(温州)有限公司'],
  ])('%s: %s / %s', (_label, a, b) => {
    expect(kindOf(a, b)).toBe('same');
    expect(kindOf(b, a)).toBe('same');
    expect(sameEmployer(a, b)).toBe(true);
  });
});

describe('compareEmployers: near matches, for the office to confirm', () => {
  it.each([
    ['a short form of the name', '金鹰', '温州金鹰鞋业有限公司', '"金鹰鞋业" contains "金鹰"'],
    ['the group and its footwear company', '康奈集团有限公司', '浙江康奈鞋业有限公司', 'contains "康奈"'],
    ['the brand alone', '红蜻蜓', '浙江红蜻蜓鞋业股份有限公司', 'contains "红蜻蜓"'],
    ['the same trade name in another line of business', '金鹰眼镜有限公司', '温州金鹰鞋业有限公司', 'the same trade name "金鹰"'],
    ['shoe materials and shoes of one trade name', '温州金鹰鞋材厂', '温州金鹰鞋业有限公司', 'the same trade name "金鹰"'],
    ['one name with a place in brackets', '温州华鞋业有限公司', '温州华鞋业（瓯海）有限公司', 'but for the part in brackets'],
    ['branches named by their place in brackets', '温州华鞋业(瓯海)有限公司', '温州华鞋业(鹿城)有限公司', 'but for the part in brackets'],
    ['the same name in two districts', '鹿城金鹰鞋业有限公司', '瓯海金鹰鞋业有限公司', 'in different places'],
    ['a typo in a Latin name', 'Wenzhou Goldeagle Shoes', 'Wenzhou Goldeagle Shoe'],
  ])('%s: %s / %s', (_label, a, b, why = '') => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const m = compareEmployers(x, y);
      expect(m.kind).toBe('near');
      if (m.kind === 'near') expect(m.why).toContain(why);
      expect(sameEmployer(x, y)).toBe(false);
    }
  });
});

describe('compareEmployers: different employers, nothing to do', () => {
  it.each([
    ['one character apart in the trade name', '温州金鹰鞋业', '温州金鹿鞋业'],
    ['registered names one character apart', '温州金鹰鞋业有限公司', '瓯海金鹿鞋业有限公司'],
    ['two firms of one trade in one district', '温州市瓯海华鞋业有限公司', '温州市瓯海康奈鞋业有限公司'],
    ['two firms of one industry with no trade name', '瓯海鞋业有限公司', '鹿城鞋业有限公司'],
    ['two lines of business in one place', '瓯海眼镜有限公司', '瓯海鞋业有限公司'],
    ['two universities', '温州大学', '浙江大学'],
    ['a university and a medical university of one city', '温州大学', '温州医科大学'],
    ['a vocational college and an eyewear firm of one city', '温州职业技术学院', '温州瓯海眼镜有限公司'],
    ['the district union and a firm of the district', '瓯海区总工会', '温州瓯海眼镜有限公司'],
    ['two lock makers', '温州强力锁业有限公司', '温州东方锁业有限公司'],
    ['different letters', 'ABC Optical', 'ABD Optical'],
    ['a word that ends like a company type', 'Unico', 'Uni Optical'],
  ])('%s: %s / %s', (_label, a, b) => {
    expect(kindOf(a, b)).toBe('different');
    expect(kindOf(b, a)).toBe('different');
  });
});

describe('similarity', () => {
  it('is 1 for equal names, 0 for names with no pair of characters in common, symmetric in between', () => {
    expect(similarity('金鹰鞋业', '金鹰鞋业')).toBe(1);
    expect(similarity('金鹰鞋业', '红蜻蜓')).toBe(0);
    expect(similarity('金鹰鞋业', '金鹿鞋业')).toBe(similarity('金鹿鞋业', '金鹰鞋业'));
    expect(similarity('金鹰鞋业', '金鹿鞋业')).toBeCloseTo(0.33, 2);
  });
});
