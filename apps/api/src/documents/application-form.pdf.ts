import { SKILL_LEVELS, type SkillLevel } from '../../../../libs/domain';
import { FORM_LABELS as L, SKILL_LEVEL_LABELS } from '../candidates/candidate-labels';
import type { DocumentFaces } from './document-fonts';
import { chineseDate, mm, newSheet, pdfBytes, rule, SIZE, SONG, SONG_BOLD, textInBox, tickBox } from './pdf-sheet';

export interface Opinion {
  text: string;
  date: string | null;
}

/** The form (附件2) as it is printed: every value already as the caller may see it (masked or in clear). */
export interface ApplicationForm {
  /** The round's year (the form's title), else the year the file was nominated. */
  year: number;
  /** The file's number, so the sealed paper can be matched to the file. */
  reference: string;
  name: string;
  idNumber: string;
  sex: string;
  ethnicity: string;
  education: string;
  politicalAffiliation: string;
  employer: string;
  position: string;
  homeAddress: string;
  mobile: string;
  industry: string;
  trade: string;
  yearsOfWork: string;
  skillLevel: SkillLevel | null;
  honours: string;
  achievements: string;
  deeds: string;
  nominatorOpinion: Opinion | null;
  endorserOpinion: Opinion | null;
  /** Printed at the foot when the ID number, mobile and address are masked for the caller. */
  note: string | null;
}

/** Column widths of the form's grid (points): label and value columns alternate as on the paper form. */
const COLS = [62, 62, 50, 62, 48, 58, 56, 77];
const WIDTH = COLS.reduce((a, b) => a + b, 0);
const LEFT = (595.28 - WIDTH) / 2;
const at = (col: number) => LEFT + COLS.slice(0, col).reduce((a, b) => a + b, 0);
const span = (from: number, to: number) => COLS.slice(from, to + 1).reduce((a, b) => a + b, 0);

/** One label and its value, the value spanning the grid's columns up to `to`: the paper form's first five rows. */
type TextField = { [K in keyof ApplicationForm]: ApplicationForm[K] extends string ? K : never }[keyof ApplicationForm];
type Field = [label: string, field: TextField, to: number];
const DETAILS: Field[][] = [
  [
    [L.name, 'name', 2],
    [L.idNumber, 'idNumber', 7],
  ],
  [
    [L.sex, 'sex', 1],
    [L.ethnicity, 'ethnicity', 3],
    [L.education, 'education', 5],
    [L.politicalAffiliation, 'politicalAffiliation', 7],
  ],
  [
    [L.employer, 'employer', 5],
    [L.position, 'position', 7],
  ],
  [
    [L.homeAddress, 'homeAddress', 5],
    [L.mobile, 'mobile', 7],
  ],
  [
    [L.industry, 'industry', 2],
    [L.trade, 'trade', 5],
    [L.yearsOfWork, 'yearsOfWork', 7],
  ],
];

/** One row of label and value cells over the grid, every cell centred. */
function row(doc: PDFKit.PDFDocument, y: number, h: number, fields: Field[], f: ApplicationForm): number {
  let col = 0;
  for (const [label, field, to] of fields) {
    rule(doc, at(col), y, COLS[col], h);
    textInBox(doc, label, at(col), y, COLS[col], h, { size: SIZE.wu, align: 'center', valign: 'middle', padding: 3 });
    const w = span(col + 1, to);
    rule(doc, at(col + 1), y, w, h);
    textInBox(doc, f[field], at(col + 1), y, w, h, { size: SIZE.wu, minSize: 6.5, align: 'center', valign: 'middle' });
    col = to + 1;
  }
  return y + h;
}

/** A tall row: the label in its column, one value across the rest, written from the top. */
function block(doc: PDFKit.PDFDocument, y: number, h: number, label: string, value: string): number {
  rule(doc, at(0), y, COLS[0], h);
  textInBox(doc, label, at(0), y, COLS[0], h, { size: SIZE.wu, align: 'center', valign: 'middle', padding: 6, lineGap: 4 });
  rule(doc, at(1), y, span(1, 7), h);
  textInBox(doc, value, at(1), y, span(1, 7), h, { size: SIZE.xiaosi, minSize: 7, padding: 8, lineGap: 5, align: 'justify' });
  return y + h;
}

/** The eight levels in three rows of tick boxes, the file's own ticked. */
function skillLevels(doc: PDFKit.PDFDocument, y: number, h: number, chosen: SkillLevel | null): number {
  rule(doc, at(0), y, COLS[0], h);
  textInBox(doc, L.skillLevel, at(0), y, COLS[0], h, { size: SIZE.wu, align: 'center', valign: 'middle', padding: 3 });
  rule(doc, at(1), y, span(1, 7), h);
  const colWidth = span(1, 7) / 3;
  const line = h / 3;
  SKILL_LEVELS.forEach((level, i) => {
    const x = at(1) + 18 + (i % 3) * colWidth;
    const top = y + Math.floor(i / 3) * line;
    const box = 9;
    tickBox(doc, x, top + (line - box) / 2, box, level === chosen);
    doc
      .font(SONG)
      .fontSize(SIZE.wu)
      .text(SKILL_LEVEL_LABELS[level], x + box + 5, top + (line - SIZE.wu) / 2 - 1, { lineBreak: false });
  });
  return y + h;
}

/** An opinion with room for the seal: the text from the top, 盖章 and the date at the foot, right. */
function opinion(doc: PDFKit.PDFDocument, y: number, h: number, label: string, o: Opinion | null): number {
  rule(doc, at(0), y, COLS[0], h);
  textInBox(doc, label, at(0), y, COLS[0], h, { size: SIZE.wu, align: 'center', valign: 'middle', padding: 6, lineGap: 3 });
  const x = at(1);
  const w = span(1, 7);
  rule(doc, x, y, w, h);
  textInBox(doc, o?.text ?? '', x, y, w, h - 58, { size: SIZE.xiaosi, minSize: 7, padding: 10, lineGap: 5 });
  const date = o?.date ? chineseDate(o.date) : '年　　月　　日';
  doc.font(SONG).fontSize(SIZE.xiaosi);
  doc.text('盖章：', x + w - 190, y + h - 52, { lineBreak: false });
  doc.text(date, x + w - 150, y + h - 26, { width: 140, align: 'right', lineBreak: false });
  return y + h;
}

function footer(doc: PDFKit.PDFDocument, page: number, reference: string, note: string | null): void {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.font(SONG).fontSize(SIZE.xiaowu).fillColor('#444444');
  doc.text(`申报编号：${reference}`, LEFT, 812, { lineBreak: false });
  doc.text(`第 ${page} 页  共 2 页`, LEFT, 812, { width: WIDTH, align: 'right', lineBreak: false });
  if (note) doc.text(note, LEFT, 798, { width: WIDTH, align: 'left', lineBreak: false });
  doc.fillColor('#000000');
  doc.page.margins.bottom = bottom;
}

/**
 * The application form (推荐申报表, 附件2 of the notice) laid out as the paper one: the table of
 * personal details, skill level, honours and achievements on the first page; the main deeds and the
 * two opinions, each with room for its seal and date, on the second. Printed in triplicate and sealed.
 */
export function renderApplicationForm(faces: DocumentFaces, f: ApplicationForm, issuer: string): Promise<Buffer> {
  const doc = newSheet(faces, {
    title: `${f.year}年“百名工匠大师”推荐申报表 — ${f.name}`,
    author: issuer,
    margins: { top: mm(20), bottom: mm(15), left: LEFT, right: LEFT },
  });

  doc
    .font(SONG_BOLD)
    .fontSize(SIZE.er - 2)
    .text(`${f.year} 年 “百名工匠大师” 推荐申报表`, LEFT, 62, { width: WIDTH, align: 'center' });

  let y = 112;
  for (const fields of DETAILS) y = row(doc, y, 36, fields, f);
  y = skillLevels(doc, y, 72, f.skillLevel);
  y = block(doc, y, 190, L.honours, f.honours);
  block(doc, y, 770 - y, L.achievements, f.achievements);
  footer(doc, 1, f.reference, f.note);

  doc.addPage();
  y = 62;
  y = block(doc, y, 380, L.deeds, f.deeds);
  y = opinion(doc, y, 150, L.nominatorOpinion, f.nominatorOpinion);
  opinion(doc, y, 770 - y, L.endorserOpinion, f.endorserOpinion);
  footer(doc, 2, f.reference, f.note);
  return pdfBytes(doc);
}
