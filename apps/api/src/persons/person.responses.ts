import { AttachmentDto } from '../attachments/attachment.responses';
import { HistoryEntryDto } from '../candidates/candidate.responses';
import { Flag, Int, ListOf, NULLABLE, Obj, Objs, Text, type Answer, type Fields, type ItemOf } from '../common/api-response';
import { InstructionDto } from '../finance/finance.responses';
import type { PersonsService } from './persons.service';

type PersonExport = Answer<PersonsService, 'export'>;

type PersonFile = ItemOf<PersonExport['files']>;

/** A message the outbox holds about the file. */
export class PersonNotificationDto implements Fields<ItemOf<PersonFile['notifications']>> {
  @Text('returned, outcome, reminder, escalation, assignment') kind!: string;
  @Text('console, sms, email') channel!: string;
  @Obj('{role, userId}: whom it was for') recipient!: object;
  @Text('the number or address it went to, in clear; null in the console', NULLABLE) contact!: string | null;
  @Text('what it said') text!: string;
  @Text('pending, sent, failed') status!: string;
  @Text('ISO instant') createdAt!: string;
  @Text('ISO instant', NULLABLE) sentAt!: string | null;
}

/** One file held on the person, everything in clear (the programme office answering an access request). */
export class PersonFileDto implements Fields<PersonFile> {
  @Text() candidateId!: string;
  @Text() workflowId!: string;
  @Text(undefined, NULLABLE) roundId!: string | null;
  @Int(undefined, NULLABLE) roundYear!: number | null;
  @Text() channel!: string;
  @Text(undefined, NULLABLE) area!: string | null;
  @Text(undefined, NULLABLE) nominatedAt!: string | null;
  @Obj('{sub, role, issuer}') submittedBy!: object;
  @Obj('{name, idNumber, mobile, homeAddress}, in clear; null once erased') personalData!: object;
  @Flag() erased!: boolean;
  @Obj('the application form', NULLABLE) form!: object | null;
  @Objs('every version of the form, its sensitive fields in clear: {version, createdAt, createdBy, note, form}') versions!: object[];
  @Obj('{stage, status, updatedAt}', NULLABLE) status!: object | null;
  @ListOf(HistoryEntryDto, "the workflow's decisions; null when Temporal no longer keeps the history", NULLABLE) decisions!: HistoryEntryDto[] | null;
  @ListOf(HistoryEntryDto, "the workflow's timeline; null when Temporal no longer keeps the history", NULLABLE) timeline!: HistoryEntryDto[] | null;
  @Objs('{roundId, rank, outcome, reason, votes, combinedRank}') roundEntries!: object[];
  @ListOf(AttachmentDto, 'the documents (metadata) with uploadedBy') attachments!: AttachmentDto[];
  @Obj('{bank, accountNumber (in full), accountName, recordedBy, recordedAt}', NULLABLE) bankAccount!: object | null;
  @ListOf(InstructionDto) paymentInstructions!: InstructionDto[];
  @ListOf(PersonNotificationDto, 'the messages sent, or to be sent, about the file') notifications!: PersonNotificationDto[];
  @Objs("a named master's benefits: {kind, grantingBody, status, offeredOn, takenUpOn, declinedOn, grantedOn}") benefits!: object[];
  @Obj("the public register's entry the office keeps: {limited, deeds, updatedAt}", NULLABLE) registerEntry!: object | null;
  @Objs('studios applied for in their name: {id, name, status, namedOn}') studios!: object[];
}

export class PersonExportResultDto implements Fields<PersonExport> {
  @Text('ISO instant') exportedAt!: string;
  @Obj('{sub, role}') exportedBy!: object;
  @Text('PIPL art. 45') legalBasis!: string;
  @ListOf(PersonFileDto, 'every file found by the ID number') files!: PersonFileDto[];
}
