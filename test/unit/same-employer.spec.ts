import { sameEmployer } from '../../apps/api/src/candidates/review-actions.service';

/** An expert of the candidate's employer is recused: employers compared as people write them. */
describe('sameEmployer', () => {
  it.each([
    ['identical names', '温州市瓯海华鞋业有限公司', '温州市瓯海华鞋业有限公司'],
    ['different case', 'ABC Optical Co.', 'abc optical co.'],
    ['spaces inside and around', ' 温州 华鞋业 有限公司 ', '温州华鞋业有限公司'],
    ['tabs and a full-width space', '温州\t华鞋业\u3000有限公司', '温州华鞋业有限公司'],
    ['full-width and half-width brackets', '温州华鞋业（瓯海）有限公司', '温州华鞋业(瓯海)有限公司'],
    ['full-width Latin letters and digits', 'ＡＢＣ眼镜１号厂', 'abc眼镜1号厂'],
    ['full-width letters, brackets and spaces together', 'ＡＢＣ 锁具（温州） 有限公司', 'abc锁具(温州)有限公司'],
  ])('treats %s as the same employer', (_label, a, b) => {
    expect(sameEmployer(a, b)).toBe(true);
    expect(sameEmployer(b, a)).toBe(true);
  });

  it.each([
    ['different employers', '温州市瓯海华鞋业有限公司', '温州市瓯海康奈鞋业有限公司'],
    ['one name a part of the other', '温州华鞋业有限公司', '温州华鞋业（瓯海）有限公司'],
    ['different branches', '温州华鞋业(瓯海)有限公司', '温州华鞋业(鹿城)有限公司'],
    ['different letters', 'ABC Optical', 'ABD Optical'],
  ])('tells apart %s', (_label, a, b) => {
    expect(sameEmployer(a, b)).toBe(false);
    expect(sameEmployer(b, a)).toBe(false);
  });
});
