import { shanghaiDate } from '../../../../libs/contract/calendar';
import { chineseDate, mm, RED, ruledList, SIZE, SONG, SONG_BOLD, type ListColumn } from './pdf-sheet';

/**
 * The parts of an official document (公文) as GB/T 9704 lays them out, in the faces this service has:
 * the title in bold Song (for 小标宋), the text in Song at 三号 with 28-point lines and two characters'
 * indent, the issuer and date at the right, attachments on pages of their own.
 */

/** Body text: 三号 (16 pt) on 28-point lines. */
const BODY = SIZE.san;
const LINE_GAP = 28 - BODY * 1.45;

export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** The red header (版头): the issuer's name and 文件, and the red rule under it. */
export function redHeader(doc: PDFKit.PDFDocument, issuer: string): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.save().fillColor(RED).font(SONG_BOLD).fontSize(34);
  doc.text(`${issuer}文件`, left, mm(35), { width, align: 'center', characterSpacing: 1, lineBreak: false });
  const y = mm(35) + 34 * 1.45 + mm(12);
  doc
    .lineWidth(1.5)
    .strokeColor(RED)
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  doc.restore();
  doc.x = left;
  doc.y = y + mm(10);
}

/** The title: centred, in bold, each line as given. */
export function title(doc: PDFKit.PDFDocument, lines: string[], size: number = SIZE.er): void {
  doc.font(SONG_BOLD).fontSize(size).fillColor('#000000');
  for (const line of lines) doc.text(line, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center', lineGap: 6 });
  doc.moveDown(0.8);
}

/** A paragraph of the text; `indent` false for the addressee line (主送), which starts at the margin. */
export function paragraph(doc: PDFKit.PDFDocument, text: string, o: { indent?: boolean; font?: string } = {}): void {
  doc
    .font(o.font ?? SONG)
    .fontSize(BODY)
    .text(text, doc.page.margins.left, doc.y, {
      width: contentWidth(doc),
      align: 'justify',
      indent: o.indent === false ? 0 : BODY * 2,
      lineGap: LINE_GAP,
    });
}

/**
 * The issuer and the date (成文日期) at the right, a line below the text: the date four characters in
 * from the right margin, the issuer centred over it, where the seal is pressed over both. Moves to a
 * new page only when the page has no room for them.
 */
export function signature(doc: PDFKit.PDFDocument, issuer: string, date: string): void {
  const lineHeight = BODY + LINE_GAP;
  if (doc.y + lineHeight * 3 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const width = contentWidth(doc);
  const dateText = chineseDate(date);
  doc.font(SONG).fontSize(BODY);
  const dateWidth = doc.widthOfString(dateText);
  const issuerWidth = doc.widthOfString(issuer);
  const dateRight = doc.page.margins.left + width - BODY * 4;
  const centre = dateRight - dateWidth / 2;
  const issuerLeft = Math.min(centre - issuerWidth / 2, doc.page.margins.left + width - issuerWidth);
  const y = doc.y + lineHeight;
  doc.text(issuer, issuerLeft, y, { lineBreak: false });
  doc.text(dateText, dateRight - dateWidth, y + lineHeight, { lineBreak: false });
  doc.x = doc.page.margins.left;
  doc.y = y + lineHeight * 2;
}

/** An attachment (附件) on a page of its own: 附件 at the top left, its title, then the list. */
export function attachmentList(doc: PDFKit.PDFDocument, heading: string, columns: ListColumn[], rows: string[][]): void {
  doc.addPage();
  doc.font(SONG_BOLD).fontSize(BODY).text('附件', doc.page.margins.left, doc.page.margins.top, { lineBreak: false });
  doc.y = doc.page.margins.top + BODY * 3;
  title(doc, [heading], SIZE.er - 4);
  const total = columns.reduce((n, c) => n + c.width, 0);
  const scale = contentWidth(doc) / total;
  const y = ruledList(
    doc,
    columns.map((c) => ({ ...c, width: c.width * scale })),
    rows.length ? rows : [columns.map((_, i) => (i === 1 ? '（无）' : ''))],
    doc.y,
  );
  doc.x = doc.page.margins.left;
  doc.y = y;
}

/** 序号, 姓名, 性别, 工作单位, 工种: the lists the notice and the decision publish, nothing more. */
export const PEOPLE_COLUMNS: ListColumn[] = [
  { header: '序号', width: 40 },
  { header: '姓名', width: 70 },
  { header: '性别', width: 40 },
  { header: '工作单位', width: 200, align: 'left' },
  { header: '工种', width: 90 },
];

/**
 * The record at the foot of the last page (版记): who receives copies (抄送), and who printed it when,
 * between rules, as the notice itself ends.
 */
export function colophon(doc: PDFKit.PDFDocument, copiesTo: string, printedBy: string, printedOn: string): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const size = SIZE.si;
  const line = size * 2;
  const bottom = doc.page.height - doc.page.margins.bottom;
  const copiesHeight = doc
    .font(SONG)
    .fontSize(size)
    .heightOfString(copiesTo, { width: width - size * 2 });
  const height = copiesHeight + line * 2;
  if (doc.y + height + line > bottom) doc.addPage();
  const top = bottom - height;
  const ruleAt = (y: number, weight: number) =>
    doc
      .save()
      .lineWidth(weight)
      .moveTo(left, y)
      .lineTo(left + width, y)
      .stroke()
      .restore();
  ruleAt(top, 1);
  doc.text(copiesTo, left + size, top + size * 0.5, { width: width - size * 2, lineGap: 2 });
  const printed = top + copiesHeight + size;
  ruleAt(printed, 0.5);
  doc.text(printedBy, left + size, printed + size * 0.5, { lineBreak: false });
  const on = `${chineseDate(printedOn)}印发`;
  doc.text(on, left, printed + size * 0.5, { width: width - size, align: 'right', lineBreak: false });
  ruleAt(bottom, 1);
}

/**
 * An instant as a Chinese document dates a period: the day, with the time when it is not midnight.
 * The end of a period that closes at midnight is the day before, written without a time.
 */
export function chineseInstant(at: Date, end = false): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const midnight = local.getUTCHours() === 0 && local.getUTCMinutes() === 0;
  if (midnight) return chineseDate(shanghaiDate(at.getTime() - (end ? 1 : 0)));
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mi = String(local.getUTCMinutes()).padStart(2, '0');
  return `${chineseDate(shanghaiDate(at.getTime()))}${hh}:${mi}`;
}

/** An amount in fen as documents write it: 2万元, 800元, 1234.5元. */
export function yuanText(fen: number): string {
  const yuan = fen / 100;
  if (yuan >= 10_000 && yuan % 10_000 === 0) return `${yuan / 10_000}万元`;
  return `${Number.isInteger(yuan) ? yuan : yuan.toFixed(2)}元`;
}
