import { SEX_LABELS } from '../candidates/candidate-labels';
import type { Table } from '../common/table';
import type { RegisterRow } from './register.repository';

/** What the public reads of a master who asked to be limited: the name and the year named, nothing else. */
export interface LimitedEntry {
  name: string;
  yearNamed: number;
}

export interface FullEntry extends LimitedEntry {
  sex: 'male' | 'female' | null;
  trade: string;
  employer: string;
  /** The demonstration studio named after the master (its name, once named), else null. */
  studio: string | null;
  /** The deeds the office published; null until it does. */
  deeds: string | null;
}

/**
 * One master's public entry, built field by field from the public columns of the file (never the
 * sealed ID number, mobile or address, nor the form as nominated): a field added to the row later
 * stays private until someone decides the public may read it.
 */
export function publicEntry(r: RegisterRow): LimitedEntry | FullEntry {
  if (r.limited) return { name: r.name, yearNamed: r.yearNamed };
  return { name: r.name, sex: r.sex, trade: r.trade, employer: r.employer, yearNamed: r.yearNamed, studio: r.studio, deeds: r.deeds };
}

/** The office's view of one entry: the public entry and what the office recorded, by whom and when. */
export function officeEntry(r: RegisterRow) {
  return {
    candidateId: r.candidateId,
    name: r.name,
    yearNamed: r.yearNamed,
    limited: r.limited,
    deeds: r.deeds,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt,
    public: publicEntry(r),
  };
}

/** The register as a table for the CSV: a limited entry keeps its name and year, every other cell empty. */
export function registerTable(rows: RegisterRow[]): Table {
  return {
    columns: [
      { header: '姓名', width: 10 },
      { header: '性别', width: 6 },
      { header: '工种', width: 14 },
      { header: '工作单位', width: 30 },
      { header: '命名年度', width: 10 },
      { header: '示范性工作室', width: 24 },
      { header: '主要事迹', width: 60 },
    ],
    rows: rows.map((r) => {
      const e = publicEntry(r);
      if (!('employer' in e)) return [e.name, null, null, null, e.yearNamed, null, null];
      return [e.name, e.sex ? SEX_LABELS[e.sex] : null, e.trade, e.employer, e.yearNamed, e.studio, e.deeds];
    }),
  };
}
