import { shanghaiDate } from '../../../../libs/contract/calendar';
import { byPinyin } from '../common/pinyin';
import type { DocumentFaces } from './document-fonts';
import { attachmentList, chineseInstant, colophon, paragraph, PEOPLE_COLUMNS, redHeader, signature, title, yuanText } from './official-document';
import { mm, newSheet, pageNumbers, pdfBytes } from './pdf-sheet';

/** One person as the notice and the decision publish them: no ID number, mobile or address, ever. */
export interface ListedPerson {
  name: string;
  /** 男 / 女, or empty when the file does not say. */
  sex: string;
  employer: string;
  trade: string;
}

/** The notice's own reference: the plan every round carries out. */
const PLAN = '《瓯海区评树“百名工匠大师”三年行动计划（2017-2019年）》（温瓯政办发〔2017〕36号）';

/** Lists are published in pinyin order of the name, so no order of merit is read into them. */
const byName = (people: ListedPerson[]) => [...people].sort((a, b) => byPinyin(a.name, b.name));
const rows = (people: ListedPerson[]) => byName(people).map((p, i) => [String(i + 1), p.name, p.sex, p.employer, p.trade]);
const whoAndHowMany = (people: ListedPerson[]) => (people.length ? `${byName(people)[0].name}等${people.length}名同志` : '');

export interface NoticeDocument {
  year: number;
  startsAt: Date;
  endsAt: Date;
  people: ListedPerson[];
  office: string;
  officeContact: string;
}

/**
 * The public notice (社会公示) as published on the portal and in 《今日瓯海》: who is proposed, the
 * period, how to object (in writing, by telephone or through the union's WeChat account, with a
 * real name; the objector's details kept confidential), the office's contact; the list attached.
 */
export function renderPublicNotice(faces: DocumentFaces, n: NoticeDocument): Promise<Buffer> {
  const heading = `${n.year}年度瓯海区“百名工匠大师”拟表彰人选名单`;
  const doc = newSheet(faces, { title: `关于${n.year}年度瓯海区“百名工匠大师”拟表彰人选的公示`, author: n.office });
  title(doc, [`关于${n.year}年度瓯海区“百名工匠大师”`, '拟表彰人选的公示']);
  paragraph(
    doc,
    `根据${PLAN}要求，经组织推荐、社团推荐、个人自荐和竞赛选拔，通过资格审核、人选考察、专家评审、网络投票和领导小组审核，` +
      `确定${whoAndHowMany(n.people)}为${n.year}年度瓯海区“百名工匠大师”拟表彰人选（名单见附件），现予以公示，接受社会监督。`,
  );
  paragraph(doc, `公示时间：${chineseInstant(n.startsAt)}至${chineseInstant(n.endsAt, true)}。`);
  paragraph(
    doc,
    `公示期间，任何单位和个人对公示人选有异议的，可通过书面、电话或“瓯海工会”微信公众号公示页面等方式，向${n.office}反映。` +
      '以单位名义反映的应加盖公章，以个人名义反映的应署真实姓名并提供联系方式，我们将对反映人的信息严格保密。',
  );
  paragraph(doc, `${n.officeContact}。`);
  paragraph(doc, `附件：${heading}`);
  signature(doc, n.office, shanghaiDate(n.startsAt.getTime()));
  attachmentList(doc, heading, PEOPLE_COLUMNS, rows(n.people));
  pageNumbers(doc);
  return pdfBytes(doc);
}

export interface CommendationDocument {
  year: number;
  /** The ceremony's date: the decision takes effect and is dated on it. */
  date: string;
  people: ListedPerson[];
  issuer: string;
  bonusFen: number;
  subsidyMonthlyFen: number;
  subsidyMonths: number;
}

/** Who receives copies of a district government document, as the notice itself lists them. */
const COPIES_TO = '抄送：区委各工作部门，区人大、政协办公室，区人武部、法院、检察院，各人民团体。';
const ADDRESSEES = '各街道办事处、泽雅镇人民政府，区政府直属各单位，市派驻瓯海各工作单位：';

/**
 * The commendation decision (表彰决定): the district government names the round's masters after the
 * notice and its approval, with the bonus and subsidy the plan gives them (the service's settings);
 * the list of masters attached, and the record of who receives copies at its foot.
 */
export function renderCommendation(faces: DocumentFaces, c: CommendationDocument): Promise<Buffer> {
  const heading = `${c.year}年度瓯海区“百名工匠大师”名单`;
  const doc = newSheet(faces, {
    title: `${c.issuer}关于命名${c.year}年度瓯海区“百名工匠大师”的决定`,
    author: c.issuer,
    margins: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  });
  redHeader(doc, c.issuer);
  title(doc, [`${c.issuer}关于命名`, `${c.year}年度瓯海区“百名工匠大师”的决定`]);
  paragraph(doc, ADDRESSEES, { indent: false });
  paragraph(
    doc,
    `为深入实施${PLAN}，大力弘扬工匠精神，营造劳动光荣、技能宝贵、创造伟大的社会氛围，${c.year}年度“百名工匠大师”评选工作` +
      `经组织推荐、资格审核、人选考察、专家评审、网络投票、领导小组审核和社会公示，报区政府审定，` +
      `决定命名${whoAndHowMany(c.people)}为${c.year}年度瓯海区“百名工匠大师”。`,
  );
  const term = c.subsidyMonths % 12 === 0 ? `${c.subsidyMonths / 12}年` : `${c.subsidyMonths}个月`;
  paragraph(
    doc,
    `对命名的“百名工匠大师”，给予每人一次性奖金${yuanText(c.bonusFen)}，同时享受为期${term}、每月${yuanText(c.subsidyMonthlyFen)}的生活补贴（离开瓯海工作的不再享受）；` +
      '享受一次疗休养；同等条件下优先推荐区级劳动模范，优先推荐技师、高级技师等职业资格评定，优先推荐参加区、市级各类技能人才评比；子女义务教育阶段就读给予优先照顾。',
  );
  paragraph(
    doc,
    '希望受到命名的“百名工匠大师”珍惜荣誉、再接再厉，充分发挥示范引领作用，传绝技、带高徒，为推动瓯海经济转型升级作出新的更大贡献。' +
      '全区广大职工要以“百名工匠大师”为榜样，爱岗敬业、刻苦钻研、精益求精，在全社会形成崇尚技能、尊重工匠的良好风尚。',
  );
  paragraph(doc, `附件：${heading}`);
  signature(doc, c.issuer, c.date);
  attachmentList(doc, heading, PEOPLE_COLUMNS, rows(c.people));
  colophon(doc, COPIES_TO, `${c.issuer}办公室`, c.date);
  pageNumbers(doc);
  return pdfBytes(doc);
}
