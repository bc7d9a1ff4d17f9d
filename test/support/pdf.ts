import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Reading printed documents as a person would, with poppler (Debian's poppler-utils, which
 * scripts/ensure.sh installs): the text of a PDF, and its pages rendered to PNG. Missing tools fail
 * the test saying what to install, never skip it.
 */
function poppler(tool: 'pdftotext' | 'pdftoppm', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${tool} is not installed: the document tests read PDFs with poppler; run bash scripts/ensure.sh (it installs Debian's poppler-utils) or apt-get install poppler-utils`,
        { cause: err },
      );
    }
    throw err;
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'omc-pdf-'));
let n = 0;

function saved(pdf: Buffer, name: string): string {
  const file = join(scratch, `${++n}-${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The PDF's text in reading order (`pdftotext -layout`), and its page count. */
export function pdfText(pdf: Buffer, name = 'document'): { text: string; pages: number } {
  const text = poppler('pdftotext', ['-layout', '-enc', 'UTF-8', saved(pdf, name), '-']);
  return { text, pages: text.split('\f').filter((p) => p.trim()).length };
}

/**
 * Each page as a PNG in `DOCUMENT_PNG_DIR` (default a folder under the system's temporary one),
 * returned in page order, for a person to look at: the office prints these.
 */
export function pdfPages(pdf: Buffer, name: string, dpi = 60): string[] {
  const dir = process.env.DOCUMENT_PNG_DIR || join(scratch, 'png');
  mkdirSync(dir, { recursive: true });
  poppler('pdftoppm', ['-r', String(dpi), '-png', saved(pdf, name), join(dir, name)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

/** Text without the spaces and line breaks layout puts between characters, to search for a value whole. */
export const squeezed = (text: string) => text.replace(/\s+/g, '');

/** Downloads a binary answer: status, type and bytes. */
export async function fetchBinary(url: string, token?: string) {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, body };
}
