/**
 * Does an expert work for the candidate's employer? People write the same employer many ways:
 * "金鹰鞋业", "温州金鹰鞋业有限公司", "浙江省温州市瓯海区金鹰鞋业有限公司". A Chinese enterprise name is
 * place + trade name (字号) + line of business + company type; the place and the company type are
 * what people drop, so both are removed before comparing. What is left is the "core".
 *
 * - same: the cores are equal (and the places, if both name one, do not contradict each other) —
 *   the expert is recused automatically (回避).
 * - near: likely the same or a related company — the office must say whether to recuse or keep.
 * - different: nothing to do.
 */
export type EmployerMatch = { kind: 'same'; why: string; similarity: 1 } | { kind: 'near'; why: string; similarity: number } | { kind: 'different'; similarity: number };

/**
 * Names of places that lead an employer's name, each under its parent, so that "温州" and "瓯海"
 * are known not to contradict each other (瓯海 is in 温州) while "瓯海" and "鹿城" do.
 */
const PLACES: Record<string, { aliases: string[]; parent?: string }> = {
  中国: { aliases: ['中华人民共和国', '中国'] },
  浙江: { aliases: ['浙江省', '浙江'], parent: '中国' },
  上海: { aliases: ['上海市', '上海'], parent: '中国' },
  北京: { aliases: ['北京市', '北京'], parent: '中国' },
  杭州: { aliases: ['杭州市', '杭州'], parent: '浙江' },
  宁波: { aliases: ['宁波市', '宁波'], parent: '浙江' },
  台州: { aliases: ['台州市', '台州'], parent: '浙江' },
  温州: { aliases: ['温州市', '温州'], parent: '浙江' },
  瓯海: { aliases: ['瓯海区', '瓯海'], parent: '温州' },
  鹿城: { aliases: ['鹿城区', '鹿城'], parent: '温州' },
  龙湾: { aliases: ['龙湾区', '龙湾'], parent: '温州' },
  洞头: { aliases: ['洞头区', '洞头'], parent: '温州' },
  乐清: { aliases: ['乐清市', '乐清'], parent: '温州' },
  瑞安: { aliases: ['瑞安市', '瑞安'], parent: '温州' },
  龙港: { aliases: ['龙港市', '龙港'], parent: '温州' },
  永嘉: { aliases: ['永嘉县', '永嘉'], parent: '温州' },
  平阳: { aliases: ['平阳县', '平阳'], parent: '温州' },
  苍南: { aliases: ['苍南县', '苍南'], parent: '温州' },
  文成: { aliases: ['文成县', '文成'], parent: '温州' },
  泰顺: { aliases: ['泰顺县', '泰顺'], parent: '温州' },
  // Ouhai's sub-districts, town and development zone (libs/domain/areas.ts).
  景山: { aliases: ['景山街道', '景山'], parent: '瓯海' },
  新桥: { aliases: ['新桥街道', '新桥'], parent: '瓯海' },
  娄桥: { aliases: ['娄桥街道', '娄桥'], parent: '瓯海' },
  潘桥: { aliases: ['潘桥街道', '潘桥'], parent: '瓯海' },
  南白象: { aliases: ['南白象街道', '南白象'], parent: '瓯海' },
  梧田: { aliases: ['梧田街道', '梧田'], parent: '瓯海' },
  茶山: { aliases: ['茶山街道', '茶山'], parent: '瓯海' },
  三垟: { aliases: ['三垟街道', '三垟'], parent: '瓯海' },
  丽岙: { aliases: ['丽岙街道', '丽岙'], parent: '瓯海' },
  仙岩: { aliases: ['仙岩街道', '仙岩'], parent: '瓯海' },
  瞿溪: { aliases: ['瞿溪街道', '瞿溪'], parent: '瓯海' },
  郭溪: { aliases: ['郭溪街道', '郭溪'], parent: '瓯海' },
  泽雅: { aliases: ['泽雅镇', '泽雅'], parent: '瓯海' },
  瓯海经济开发区: { aliases: ['瓯海经济开发区', '瓯海开发区'], parent: '瓯海' },
};

const PLACE_ALIASES: Array<[alias: string, place: string]> = Object.entries(PLACES)
  .flatMap(([place, { aliases }]) => aliases.map((alias): [string, string] => [alias, place]))
  .sort((a, b) => b[0].length - a[0].length);

/**
 * Any other leading place: "…省", "…市", "…区", "…县", "…镇", "…街道", "…开发区". Kept short (two or
 * three characters before the suffix) so a trade name is not eaten: "金鹰鞋业市场" is not a place.
 */
const OTHER_PLACE = /^(?:[\u4e00-\u9fff]{2,3}(?:省|自治区|街道|经济开发区|开发区|工业区|新区)|[\u4e00-\u9fff]{2}(?:市(?!场)|区(?!域)|县|镇))/u;

/** Company types and shop forms, longest first. */
const COMPANY_TYPES = [
  '集团股份有限公司',
  '集团有限责任公司',
  '集团有限公司',
  '股份有限公司',
  '有限责任公司',
  '股份合作公司',
  '股份公司',
  '有限公司',
  '集团公司',
  '总公司',
  '公司',
  '集团',
  '总厂',
  '分厂',
  '工厂',
  '厂',
  '门市部',
  '经营部',
  '商店',
  '商行',
  '店',
  '工作室',
  '股份经济合作社',
  '专业合作社',
  '合作社',
  '个体工商户',
].sort((a, b) => b.length - a.length);

/** A Latin company type is a word of its own ("ABC Optical Co., Ltd."), so "Unico" keeps its "co". */
const LATIN_COMPANY_TYPE = /[\s,.]+(?:co[\s.,]*ltd|ltd|limited|incorporated|inc|corporation|corp|company|co|llc|group)[\s.]*$/u;

/** A branch names its place after the parent company: "金鹰鞋业有限公司瓯海分公司". */
const BRANCHES = ['分公司', '分厂', '办事处', '营业部', '分店'];

/**
 * Words that name a line of business or a kind of institution, not an employer: a core made only of
 * these ("鞋业", "大学") keeps its place, since without a trade name the place is what tells
 * "瓯海鞋业" from "鹿城鞋业" and "温州大学" from "浙江大学".
 */
const GENERIC_WORDS = [
  '鞋业',
  '鞋革',
  '皮革',
  '制革',
  '鞋材',
  '制鞋',
  '皮鞋',
  '鞋服',
  '鞋',
  '服装',
  '服饰',
  '制衣',
  '时装',
  '针织',
  '纺织',
  '眼镜',
  '光学',
  '锁具',
  '锁业',
  '制锁',
  '五金',
  '电气',
  '电器',
  '电机',
  '机电',
  '机械',
  '汽摩配',
  '汽摩',
  '汽配',
  '摩配',
  '汽车配件',
  '汽车零部件',
  '摩托车配件',
  '配件',
  '实业',
  '工贸',
  '贸易',
  '科技',
  '控股',
  '投资',
  '工艺品',
  '工艺',
  '工业',
  '制造',
  '职业技术学院',
  '技师学院',
  '技工学校',
  '大学',
  '学院',
  '学校',
  '中学',
  '研究院',
  '研究所',
  '总工会',
  '工会',
  '协会',
  '商会',
  '学会',
  '医院',
  '人民政府',
  '政府',
].sort((a, b) => b.length - a.length);
const GENERIC = new RegExp(`^(?:${GENERIC_WORDS.join('|')})+$`, 'u');

/**
 * NFKC (full-width letters, digits, spaces and brackets become half-width), lower case, Latin company
 * types dropped, then no spaces or punctuation but round brackets.
 */
export function normaliseEmployer(name: string): string {
  let s = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[【［〔]/gu, '(')
    .replace(/[】］〕]/gu, ')')
    .trim();
  for (let next = s.replace(LATIN_COMPANY_TYPE, ''); next !== s && next.length; next = s.replace(LATIN_COMPANY_TYPE, '')) s = next;
  return s.replace(/[\s.,，。、·・&'"“”‘’\-_/]+/gu, '');
}

const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);
/** Long enough, and more than a line of business or a place, to say which employer it is. */
function distinctive(core: string): boolean {
  if (core.length < (isAscii(core) ? 3 : 2)) return false;
  return !GENERIC.test(core) && !PLACE_ALIASES.some(([alias]) => alias === core);
}

function leadingPlace(s: string): { place: string; rest: string } | null {
  const known = PLACE_ALIASES.find(([alias]) => s.startsWith(alias) && s.length > alias.length);
  if (known) return { place: known[1], rest: s.slice(known[0].length) };
  const other = OTHER_PLACE.exec(s);
  return other && s.length > other[0].length ? { place: other[0], rest: s.slice(other[0].length) } : null;
}

function trailingCompanyType(s: string): string | null {
  // A branch first: "…瓯海分公司" ends in "公司" too.
  const branch = BRANCHES.find((b) => s.endsWith(b) && s.length > b.length);
  if (branch) {
    const head = s.slice(0, -branch.length);
    const place = PLACE_ALIASES.find(([alias]) => head.endsWith(alias) && head.length > alias.length);
    return place ? head.slice(0, -place[0].length) : head;
  }
  const type = COMPANY_TYPES.find((t) => s.endsWith(t) && s.length > t.length);
  return type ? s.slice(0, -type.length) : null;
}

export interface EmployerKey {
  /** The name without leading places and company types, as long as what is left still names an employer. */
  core: string;
  /** The places removed from its front, most general first. */
  places: string[];
}

/** Removes company types from the end and places from the front, one at a time, while what is left stays distinctive. */
export function employerKey(normalised: string): EmployerKey {
  let core = normalised;
  const places: string[] = [];
  for (let changed = true; changed;) {
    changed = false;
    const shorter = trailingCompanyType(core);
    if (shorter !== null && distinctive(shorter)) [core, changed] = [shorter, true];
    const lead = leadingPlace(core);
    if (lead && distinctive(lead.rest)) {
      places.push(lead.place);
      [core, changed] = [lead.rest, true];
    }
  }
  return { core, places };
}

const ancestors = (place: string): string[] => {
  const chain = [place];
  for (let p = PLACES[place]?.parent; p; p = PLACES[p]?.parent) chain.push(p);
  return chain;
};
/** Places contradict when neither contains the other: 瓯海 and 温州 agree, 瓯海 and 鹿城 do not. */
function placeConflict(a: string[], b: string[]): [string, string] | null {
  for (const pa of a) {
    for (const pb of b) if (!ancestors(pa).includes(pb) && !ancestors(pb).includes(pa)) return [pa, pb];
  }
  return null;
}

const withoutBrackets = (s: string) => s.replace(/\([^()]*\)/gu, '');

/** The trade name (字号): the core without the line of business at its end ("金鹰鞋业" → "金鹰"). */
function tradeName(core: string): string | null {
  let name = core;
  const businessAtEnd = () => GENERIC_WORDS.find((w) => name.endsWith(w) && name.length > w.length);
  for (let word = businessAtEnd(); word; word = businessAtEnd()) name = name.slice(0, -word.length);
  return name !== core && distinctive(name) ? name : null;
}

/** Dice coefficient over character pairs: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const pairs = (s: string) => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const pa = pairs(a);
  const pb = pairs(b);
  if (!pa.length || !pb.length) return a === b ? 1 : 0;
  const pool = [...pb];
  let common = 0;
  for (const p of pa) {
    const i = pool.indexOf(p);
    if (i < 0) continue;
    common += 1;
    pool.splice(i, 1);
  }
  return Math.round(((2 * common) / (pa.length + pb.length)) * 100) / 100;
}

/**
 * Names this alike are shown to the office even when no other rule catches them: a typo or a
 * variant spelling of a longer name ("abcopticals" / "abcoptical"). Chosen so one changed character
 * in a four-character core ("金鹰鞋业" / "金鹿鞋业", 0.33) stays well below it: such pairs are often
 * rival firms of one trade, and the trade-name rule below already catches a shared 字号.
 */
export const NEAR_SIMILARITY = 0.8;

export function compareEmployers(expertEmployer: string, candidateEmployer: string): EmployerMatch {
  const a = normaliseEmployer(expertEmployer);
  const b = normaliseEmployer(candidateEmployer);
  if (a === b) return { kind: 'same', why: 'the same name', similarity: 1 };
  const ka = employerKey(a);
  const kb = employerKey(b);
  const conflict = placeConflict(ka.places, kb.places);
  if (ka.core === kb.core) {
    if (!conflict) return { kind: 'same', why: `the same employer "${ka.core}" once places and company type are set aside`, similarity: 1 };
    return { kind: 'near', why: `the same name "${ka.core}" in different places (${conflict.join(' / ')})`, similarity: 1 };
  }
  const ca = employerKey(withoutBrackets(ka.core)).core;
  const cb = employerKey(withoutBrackets(kb.core)).core;
  const score = similarity(ca, cb);
  if (ca === cb && distinctive(ca)) return { kind: 'near', why: `the same name "${ca}" but for the part in brackets`, similarity: score };
  const [shorter, longer] = ca.length <= cb.length ? [ca, cb] : [cb, ca];
  if (distinctive(shorter) && longer.includes(shorter)) return { kind: 'near', why: `"${longer}" contains "${shorter}"`, similarity: score };
  const ta = tradeName(ca);
  if (ta && ta === tradeName(cb)) return { kind: 'near', why: `the same trade name "${ta}" (字号) in another line of business`, similarity: score };
  if (score >= NEAR_SIMILARITY) return { kind: 'near', why: `names alike (similarity ${score})`, similarity: score };
  return { kind: 'different', similarity: score };
}

/** Kept for callers that only need a yes: the expert is recused automatically. */
export function sameEmployer(a: string, b: string): boolean {
  return compareEmployers(a, b).kind === 'same';
}
