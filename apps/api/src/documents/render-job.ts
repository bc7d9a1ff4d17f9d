import { renderApplicationForm, type ApplicationForm } from './application-form.pdf';
import { renderCertificate, type CertificateDocument } from './certificate.pdf';
import type { DocumentFaces } from './document-fonts';
import { renderCommendation, renderPublicNotice, type CommendationDocument, type NoticeDocument } from './round-documents.pdf';

/** One document to render: plain data only, so it crosses to the rendering thread as it is. */
export type RenderJob =
  | { kind: 'application-form'; faces: DocumentFaces; issuer: string; data: ApplicationForm }
  | { kind: 'public-notice'; faces: DocumentFaces; data: NoticeDocument }
  | { kind: 'commendation'; faces: DocumentFaces; data: CommendationDocument }
  | { kind: 'certificate'; faces: DocumentFaces; data: CertificateDocument };

export function renderJob(job: RenderJob): Promise<Buffer> {
  switch (job.kind) {
    case 'application-form':
      return renderApplicationForm(job.faces, job.data, job.issuer);
    case 'public-notice':
      return renderPublicNotice(job.faces, job.data);
    case 'commendation':
      return renderCommendation(job.faces, job.data);
    case 'certificate':
      return renderCertificate(job.faces, job.data);
  }
}
