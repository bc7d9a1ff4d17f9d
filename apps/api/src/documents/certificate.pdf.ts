import type { DocumentFaces } from './document-fonts';
import { chineseDate, mm, newSheet, pdfBytes, RED, SIZE, SONG, SONG_BOLD } from './pdf-sheet';

export interface CertificateDocument {
  name: string;
  year: number;
  employer: string;
  trade: string;
  /** The date the master was named (the ceremony), which the certificate bears. */
  namedOn: string;
  /** 证书编号: the year and the file's number, so a certificate leads back to its file. */
  number: string;
  issuer: string;
}

const GOLD = '#b8892b';

/** The double frame of a certificate: a heavy red rule, a thin gold one inside it, and corner marks. */
function frame(doc: PDFKit.PDFDocument): void {
  const { width, height } = doc.page;
  const outer = mm(12);
  const inner = mm(16);
  doc.save();
  doc
    .lineWidth(5)
    .strokeColor(RED)
    .rect(outer, outer, width - 2 * outer, height - 2 * outer)
    .stroke();
  doc
    .lineWidth(1)
    .strokeColor(GOLD)
    .rect(inner, inner, width - 2 * inner, height - 2 * inner)
    .stroke();
  const corner = mm(10);
  for (const [x, y, dx, dy] of [
    [inner, inner, 1, 1],
    [width - inner, inner, -1, 1],
    [inner, height - inner, 1, -1],
    [width - inner, height - inner, -1, -1],
  ]) {
    doc
      .lineWidth(2)
      .strokeColor(GOLD)
      .moveTo(x + dx * mm(3), y + dy * (corner + mm(3)))
      .lineTo(x + dx * mm(3), y + dy * mm(3))
      .lineTo(x + dx * (corner + mm(3)), y + dy * mm(3))
      .stroke();
  }
  doc.restore();
}

/**
 * The certificate (荣誉证书) for a named master, A4 landscape: the title in red, the master's name and
 * what they were named, the issuer and date at the right (room above for the seal), and the number.
 */
export function renderCertificate(faces: DocumentFaces, c: CertificateDocument): Promise<Buffer> {
  const doc = newSheet(faces, {
    title: `荣誉证书 — ${c.name}`,
    author: c.issuer,
    layout: 'landscape',
    margins: { top: mm(30), bottom: mm(20), left: mm(40), right: mm(40) },
  });
  frame(doc);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font(SONG_BOLD).fontSize(48).fillColor(RED);
  doc.text('荣 誉 证 书', left, mm(34), { width, align: 'center', characterSpacing: 8, lineBreak: false });

  doc
    .fillColor('#000000')
    .font(SONG_BOLD)
    .fontSize(SIZE.er + 4);
  doc.text(`${c.name}\u3000同志：`, left + mm(10), mm(68), { lineBreak: false });
  doc.font(SONG).fontSize(SIZE.er);
  const body = `在${c.year}年度瓯海区“百名工匠大师”评选中，被命名为瓯海区“百名工匠大师”。`;
  doc.text(body, left + mm(10), mm(88), { width: width - mm(20), indent: SIZE.er * 2, lineGap: 14, align: 'justify' });
  doc.moveDown(0.4);
  doc.text('特发此证，以资鼓励。', left + mm(10), doc.y, { width: width - mm(20), indent: SIZE.er * 2 });

  doc
    .fillColor('#000000')
    .font(SONG)
    .fontSize(SIZE.er - 2);
  const date = chineseDate(c.namedOn);
  const right = left + width - mm(10);
  const issuerWidth = doc.widthOfString(c.issuer);
  const dateWidth = doc.widthOfString(date);
  const blockWidth = Math.max(issuerWidth, dateWidth);
  doc.text(c.issuer, right - blockWidth + (blockWidth - issuerWidth) / 2, mm(158), { lineBreak: false });
  doc.text(date, right - blockWidth + (blockWidth - dateWidth) / 2, mm(171), { lineBreak: false });

  doc.font(SONG).fontSize(SIZE.wu).fillColor('#444444');
  doc.text(`工作单位：${c.employer}`, left + mm(10), mm(160), { width: width / 2, lineBreak: false, ellipsis: '…' });
  doc.text(`工\u3000\u3000种：${c.trade}`, left + mm(10), mm(166), { width: width / 2, lineBreak: false, ellipsis: '…' });
  doc.text(`证书编号：${c.number}`, left + mm(10), mm(172), { lineBreak: false });
  return pdfBytes(doc);
}
