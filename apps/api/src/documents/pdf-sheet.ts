import PDFDocument from 'pdfkit';
import { fontBytes, type DocumentFaces } from './document-fonts';

/** Millimetres in PDF points. */
export const mm = (n: number) => (n * 72) / 25.4;

/** Chinese type sizes (字号) in points, as official documents are specified (GB/T 9704). */
export const SIZE = { er: 22, san: 16, xiaosan: 15, si: 14, xiaosi: 12, wu: 10.5, xiaowu: 9 } as const;

export const RED = '#c8161d';
export const INK = '#000000';

/** The two faces every document registers. */
export const SONG = 'song';
export const SONG_BOLD = 'song-bold';

export interface SheetOptions {
  title: string;
  subject?: string;
  author: string;
  layout?: 'portrait' | 'landscape';
  margins?: { top: number; bottom: number; left: number; right: number };
}

/** An A4 document with the CJK faces registered; text in black Song unless a document says otherwise. */
export function newSheet(faces: DocumentFaces, opts: SheetOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.layout ?? 'portrait',
    margins: opts.margins ?? { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
    info: { Title: opts.title, Author: opts.author, Subject: opts.subject ?? opts.title, Creator: 'Ouhai Hundred Master Craftsmen back office' },
    lang: 'zh-CN',
    displayTitle: true,
    autoFirstPage: true,
    bufferPages: true,
  });
  doc.registerFont(SONG, fontBytes(faces.regular.path), faces.regular.name);
  doc.registerFont(SONG_BOLD, fontBytes(faces.bold.path), faces.bold.name);
  doc.font(SONG).fillColor(INK).strokeColor(INK);
  return doc;
}

/** The finished document's bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** `2031-04-28` → `2031年4月28日`, as Chinese documents write dates. */
export function chineseDate(date: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

export interface BoxText {
  font?: string;
  size?: number;
  /** Smallest size the text may shrink to so that it fits the box. */
  minSize?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  valign?: 'top' | 'middle';
  padding?: number;
  lineGap?: number;
  characterSpacing?: number;
}

/**
 * Writes `text` inside the box, shrinking it (down to `minSize`) until it fits; what still does not fit
 * is cut with an ellipsis rather than spilling over the next cell. Returns the size used. Line breaks
 * in `text` start new lines (each paragraph is measured on its own: PDFKit would count a newline as a
 * glyph's width, and wrap a full line of Chinese a character early).
 */
export function textInBox(doc: PDFKit.PDFDocument, text: string, x: number, y: number, w: number, h: number, o: BoxText = {}): number {
  const pad = o.padding ?? 4;
  const width = Math.max(1, w - 2 * pad);
  const room = Math.max(1, h - 2 * pad);
  const paragraphs = text.split(/\r?\n/);
  let size = o.size ?? SIZE.wu;
  const min = o.minSize ?? Math.min(size, 7);
  const opts = (s: number) => ({ width, align: o.align ?? 'left', lineGap: o.lineGap ?? s * 0.35, characterSpacing: o.characterSpacing ?? 0 });
  const height = (s: number) => paragraphs.reduce((sum, p) => sum + doc.heightOfString(p || ' ', opts(s)), 0);
  doc.font(o.font ?? SONG);
  for (; size > min; size -= 0.5) {
    doc.fontSize(size);
    if (height(size) <= room) break;
  }
  doc.fontSize(size);
  const used = Math.min(room, height(size));
  let top = o.valign === 'middle' ? y + pad + (room - used) / 2 : y + pad;
  const end = y + pad + room;
  for (const p of paragraphs) {
    if (end - top < size) break;
    doc.text(p || ' ', x + pad, top, { ...opts(size), height: end - top, ellipsis: '…' });
    top = doc.y;
  }
  return size;
}

/** A ruled rectangle (a table cell's border). */
export function rule(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, width = 0.75): void {
  doc.save().lineWidth(width).strokeColor(INK).rect(x, y, w, h).stroke().restore();
}

/** A square tick box, ticked or not. */
export function tickBox(doc: PDFKit.PDFDocument, x: number, y: number, size: number, ticked: boolean): void {
  doc.save().lineWidth(0.6).rect(x, y, size, size).stroke();
  if (ticked) {
    doc
      .lineWidth(1.2)
      .moveTo(x + size * 0.18, y + size * 0.52)
      .lineTo(x + size * 0.42, y + size * 0.78)
      .lineTo(x + size * 0.86, y + size * 0.2)
      .stroke();
  }
  doc.restore();
}

export interface ListColumn {
  header: string;
  width: number;
  align?: 'left' | 'center';
}

/**
 * A ruled list (序号, 姓名…) from `y` down, breaking onto new pages with the header row repeated.
 * Returns where it ended on the last page.
 */
export function ruledList(doc: PDFKit.PDFDocument, columns: ListColumn[], rows: string[][], y: number, o: { size?: number; rowHeight?: number } = {}): number {
  const size = o.size ?? SIZE.xiaosi;
  const rowHeight = o.rowHeight ?? size * 2.3;
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const row = (cells: string[], top: number, header: boolean) => {
    let x = left;
    columns.forEach((c, i) => {
      rule(doc, x, top, c.width, rowHeight);
      textInBox(doc, cells[i] ?? '', x, top, c.width, rowHeight, {
        font: header ? SONG_BOLD : SONG,
        size,
        minSize: 7,
        align: header ? 'center' : (c.align ?? 'center'),
        valign: 'middle',
      });
      x += c.width;
    });
  };
  row(
    columns.map((c) => c.header),
    y,
    true,
  );
  y += rowHeight;
  for (const cells of rows) {
    if (y + rowHeight > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      row(
        columns.map((c) => c.header),
        y,
        true,
      );
      y += rowHeight;
    }
    row(cells, y, false);
    y += rowHeight;
  }
  return y;
}

/** Page numbers as official documents carry them (— 1 —), centred at the foot of every page. */
export function pageNumbers(doc: PDFKit.PDFDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    doc
      .font(SONG)
      .fontSize(SIZE.si)
      .fillColor(INK)
      .text(`— ${i + 1} —`, 0, doc.page.height - mm(20), { width: doc.page.width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
