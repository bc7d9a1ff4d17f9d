import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PaymentKind } from '../../libs/contract';
import { PaymentTaskRepository } from '../../libs/db';
import { PiiCipher } from '../../libs/security/pii';
import { idNumber, mobileNumber, openDb } from './review-helpers';
import { client, startApi } from './service';

export interface Master {
  id: string;
  name: string;
  idNumber: string;
}

/**
 * A named master's file written straight into the candidates table, personal data sealed as the API
 * seals it: enough for finance, whose instructions reference the file and not its workflow.
 */
export async function insertMaster(db: DataSource, pii: PiiCipher, over: { name?: string; roundId?: string | null } = {}): Promise<Master> {
  const id = randomUUID();
  const number = idNumber();
  const name = over.name ?? `工匠${id.slice(0, 4)}`;
  await db.query(
    `INSERT INTO candidates (id, round_id, channel, name, id_number_cipher, id_number_index, mobile_cipher, employer, industry,
                             trade, years_of_work, skill_level, submitted_by, submitted_role, workflow_id, version)
     VALUES ($1, $2, 'self', $3, $4, $5, $6, '瓯海眼镜厂', 'eyewear', '眼镜装配', 10, 'technician', 'it-finance', 'nominator', $7, 1)`,
    [id, over.roundId ?? null, name, pii.encrypt(number), pii.blindIndex('id', number), pii.encrypt(mobileNumber()), `it-finance-${id}`],
  );
  return { id, name, idNumber: number };
}

/** A month of its own in the shared database (years past the rounds' 2030-2099), so month-wide sums see only this file's instructions. */
export function freeMonth(): string {
  return `${2100 + randomInt(900)}-${String(1 + randomInt(12)).padStart(2, '0')}`;
}

/** Creates attempt 1 of an instalment as the payment schedule does; returns its id. */
export async function instruct(db: DataSource, candidateId: string, kind: PaymentKind, instalment: number, amountFen: number, dueOn: string): Promise<string> {
  return (await new PaymentTaskRepository(db).createOnce({ candidateId, kind, instalment, amountFen, dueOn })).taskId;
}

export interface FinanceStack {
  api: Awaited<ReturnType<typeof startApi>>;
  http: ReturnType<typeof client>;
  db: DataSource;
  /** The API's own cipher, so fixtures seal personal data as the API reads it. */
  pii: PiiCipher;
}

/** The API on a task queue of its own and a connection to its database, for the enclosing describe. */
export function financeStack(env: NodeJS.ProcessEnv): FinanceStack {
  const stack = {} as FinanceStack;
  beforeAll(async () => {
    stack.api = await startApi(env);
    stack.http = client(stack.api.url);
    stack.db = await openDb();
    stack.pii = new PiiCipher(stack.api.config.pii);
  });
  afterAll(async () => {
    await stack.api?.close();
    await stack.db?.destroy();
  });
  return stack;
}
