import { ServiceUnavailableException } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import type { DocumentsConfig } from '../../../../libs/config';

/** One face of a font file: a collection (.ttc) names the face by its PostScript name. */
export interface FontFace {
  path: string;
  name?: string;
}

/** The faces every document is set in: a Song (serif) face for text, its bold for titles. */
export interface DocumentFaces {
  regular: FontFace;
  bold: FontFace;
}

const NOTO = '/usr/share/fonts/opentype/noto';

/** Debian's fonts-noto-cjk (scripts/ensure.sh installs it), Simplified Chinese faces: Serif first, as official documents are set in Song. */
const INSTALLED: DocumentFaces[] = [
  { regular: { path: `${NOTO}/NotoSerifCJK-Regular.ttc`, name: 'NotoSerifCJKsc-Regular' }, bold: { path: `${NOTO}/NotoSerifCJK-Bold.ttc`, name: 'NotoSerifCJKsc-Bold' } },
  { regular: { path: `${NOTO}/NotoSansCJK-Regular.ttc`, name: 'NotoSansCJKsc-Regular' }, bold: { path: `${NOTO}/NotoSansCJK-Bold.ttc`, name: 'NotoSansCJKsc-Bold' } },
];

/** `path` or `path#PostScriptName`. */
export function parseFace(setting: string): FontFace {
  const at = setting.lastIndexOf('#');
  return at > 0 ? { path: setting.slice(0, at), name: setting.slice(at + 1) } : { path: setting };
}

/**
 * The faces the settings name (DOCUMENT_FONT, DOCUMENT_FONT_BOLD; the bold falls back to the regular),
 * else the first installed set. Looked up when a document is asked for, so the API starts without
 * the font and only the documents answer 503, saying what to install.
 */
export function findFaces(config: Pick<DocumentsConfig, 'font' | 'fontBold'>, exists: (path: string) => boolean = existsSync): DocumentFaces {
  if (config.font) {
    const regular = parseFace(config.font);
    const bold = config.fontBold ? parseFace(config.fontBold) : regular;
    const missing = [regular, bold].filter((f) => !exists(f.path)).map((f) => f.path);
    if (missing.length)
      throw new ServiceUnavailableException(`printed documents need their font, and DOCUMENT_FONT names a file that is not there: ${[...new Set(missing)].join(', ')}`);
    return { regular, bold };
  }
  const found = INSTALLED.find((set) => exists(set.regular.path));
  if (!found) {
    throw new ServiceUnavailableException(
      `printed documents need a CJK font, and none is installed: install Debian's fonts-noto-cjk (npm start and npm test do, through scripts/ensure.sh) or set DOCUMENT_FONT to a .ttf, .otf or .ttc file (path#PostScriptName for a collection)`,
    );
  }
  return { regular: found.regular, bold: exists(found.bold.path) ? found.bold : found.regular };
}

const loaded = new Map<string, Buffer>();

/** A font file's bytes, read once per process (a CJK collection is 20-30 MB; each document embeds only the glyphs it uses). */
export function fontBytes(path: string): Buffer {
  let bytes = loaded.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    loaded.set(path, bytes);
  }
  return bytes;
}
