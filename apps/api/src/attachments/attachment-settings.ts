/** Nest injection token for AttachmentSettings (from AppConfig: ATTACHMENT_MAX_BYTES, default 10 MiB). */
export const ATTACHMENT_SETTINGS = Symbol('ATTACHMENT_SETTINGS');

export interface AttachmentSettings {
  /** Largest document accepted, in bytes. */
  maxBytes: number;
  /** Most documents one candidate's file may hold (ATTACHMENTS_PER_CANDIDATE). */
  perCandidate: number;
}
