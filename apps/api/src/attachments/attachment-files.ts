import { ATTACHMENT_KINDS, type AttachmentKind } from '../../../../libs/db/entities/attachment.entity';
import { stripInvisible } from '../common/normalise';
import type { FieldError } from '../common/validation';

/**
 * Pure rules for supporting documents: what a file is (by its first bytes, never by what the client
 * says), what its name may be, and how it is named in a download.
 */

export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const MAX_FILENAME_CHARS = 200;

const SIGNATURES: ReadonlyArray<[AttachmentType, Buffer]> = [
  ['application/pdf', Buffer.from('%PDF-', 'latin1')],
  ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff])],
  ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
];

const LABEL: Record<AttachmentType, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };
const EXTENSION: Record<AttachmentType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** The type the content's magic bytes show, or null if it is none of PDF, JPEG, PNG. */
export function sniffContentType(content: Buffer): AttachmentType | null {
  for (const [type, magic] of SIGNATURES) {
    if (content.length >= magic.length && content.subarray(0, magic.length).equals(magic)) return type;
  }
  return null;
}

/**
 * The document type a client's Content-Type claims, normalised; `null` when it claims no image or
 * PDF type (e.g. application/octet-stream), in which case only the content decides.
 */
export function declaredType(mimetype: string | undefined): string | null {
  const t = (mimetype ?? '').split(';')[0].trim().toLowerCase();
  if (!t) return null;
  if (t === 'application/pdf' || t === 'application/x-pdf' || t === 'application/acrobat') return 'application/pdf';
  if (t === 'image/jpeg' || t === 'image/jpg' || t === 'image/pjpeg') return 'image/jpeg';
  if (t === 'image/png' || t === 'image/x-png') return 'image/png';
  if (t.startsWith('image/') || t.endsWith('/pdf')) return t; // an image or PDF type we do not take
  return null;
}

/** The type a file name's extension claims, or null for an extension that names none of ours. */
export function extensionType(filename: string): AttachmentType | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  switch (ext) {
    case 'pdf':
      return 'application/pdf';
    case 'jpg':
    case 'jpeg':
    case 'jpe':
      return 'image/jpeg';
    case 'png':
      return 'image/png';
    default:
      return null;
  }
}

/**
 * multer (busboy) decodes the multipart filename parameter as latin1, so UTF-8 names (Chinese ones)
 * arrive as mojibake. Re-decode as UTF-8 when the bytes are valid UTF-8; otherwise keep the name.
 */
export function decodeMultipartName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(name, 'latin1'));
  } catch {
    return name;
  }
}

/**
 * The name a document is kept under: no path components (either slash), no control characters,
 * trimmed, at most MAX_FILENAME_CHARS characters (code points; the extension kept when it is cut),
 * and a neutral fallback when nothing is left.
 */
export function cleanFilename(raw: string | undefined, type: AttachmentType): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  let name = base
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .normalize('NFC')
    .trim();
  if (name === '.' || name === '..' || /^\.+$/.test(name)) name = '';
  if (!name) return `attachment.${EXTENSION[type]}`;
  const chars = Array.from(name);
  if (chars.length <= MAX_FILENAME_CHARS) return name;
  const ext = /\.[^.\s]{1,10}$/.exec(name)?.[0];
  if (ext && ext.length < name.length) {
    const extChars = Array.from(ext);
    return (
      chars
        .slice(0, MAX_FILENAME_CHARS - extChars.length)
        .join('')
        .trimEnd() + ext
    );
  }
  return chars.slice(0, MAX_FILENAME_CHARS).join('');
}

/** RFC 6266 / RFC 8187: `attachment; filename*=UTF-8''…`, every byte outside attr-char percent-encoded. */
export function contentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}

export function describeLimit(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (bytes >= 1024 * 1024 && Number.isInteger(mib * 10)) return `${bytes} bytes (${mib} MiB)`;
  return `${bytes} bytes`;
}

/** What multer hands over for one uploaded part (a subset of Express.Multer.File). */
export interface UploadedPart {
  originalname: string;
  mimetype?: string;
  size: number;
  buffer: Buffer;
}

export interface CheckedUpload {
  kind: AttachmentKind;
  filename: string;
  contentType: AttachmentType;
  content: Buffer;
}

/**
 * Checks one upload: the `kind` field, the `file` part (present, not empty, within the limit, a
 * PDF/JPEG/PNG by content, not declared as another type), and no other fields. Every problem at once.
 */
export function checkUpload(
  body: Record<string, unknown> | undefined,
  file: UploadedPart | undefined,
  maxBytes: number,
): { ok: CheckedUpload; problems?: undefined } | { ok?: undefined; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const fields = body && typeof body === 'object' ? body : {};

  const kind = fields.kind;
  if (kind === undefined || kind === '') {
    problems.push({ field: 'kind', reason: `is required; one of: ${ATTACHMENT_KINDS.join(', ')}` });
  } else if (typeof kind !== 'string' || !(ATTACHMENT_KINDS as readonly string[]).includes(kind)) {
    problems.push({ field: 'kind', reason: `must be one of: ${ATTACHMENT_KINDS.join(', ')}` });
  }
  for (const key of Object.keys(fields)) {
    if (key === 'kind') continue;
    if (key === 'file') problems.push({ field: 'file', reason: 'must be a file part (multipart/form-data with a filename), not a text field' });
    else problems.push({ field: key, reason: 'should not exist' });
  }

  let contentType: AttachmentType | null = null;
  let filename = '';
  if (!file) {
    if (!('file' in fields)) problems.push({ field: 'file', reason: 'is required: send the document as the multipart/form-data part "file"' });
  } else if (file.size === 0 || file.buffer.length === 0) {
    problems.push({ field: 'file', reason: 'is empty' });
  } else if (file.buffer.length > maxBytes) {
    problems.push({ field: 'file', reason: `is larger than the limit of ${describeLimit(maxBytes)}` });
  } else {
    // Invisible and direction-changing characters go first: they can make `fdp.exe` read as `exe.pdf`.
    const original = stripInvisible(decodeMultipartName(file.originalname ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, ''));
    const base = original.split(/[\\/]/).pop() ?? '';
    contentType = sniffContentType(file.buffer);
    const declared = declaredType(file.mimetype);
    const byName = extensionType(base);
    const extension = /\.([^.\s]{1,10})$/.exec(base)?.[1];
    if (!contentType) {
      problems.push({ field: 'file', reason: 'must be a PDF, JPEG or PNG file (judged by its content, not its name or declared type)' });
    } else if (declared && declared !== contentType) {
      problems.push({ field: 'file', reason: `is declared as ${declared} but its content is ${LABEL[contentType]}` });
    } else if (byName && byName !== contentType) {
      problems.push({ field: 'file', reason: `is named as ${LABEL[byName]} (.${extension}) but its content is ${LABEL[contentType]}` });
    } else if (extension && !byName) {
      problems.push({ field: 'file', reason: `is named .${extension} but its content is ${LABEL[contentType]}: name it .${EXTENSION[contentType]}` });
    } else {
      // A name without an extension gets the one its content shows.
      filename = cleanFilename(extension ? original : `${base || 'attachment'}.${EXTENSION[contentType]}`, contentType);
    }
  }

  if (problems.length || !file || !contentType) return { problems };
  return { ok: { kind: kind as AttachmentKind, filename, contentType, content: file.buffer } };
}
