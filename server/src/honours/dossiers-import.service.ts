import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { Distinction, HonoursImportResult } from '../contracts/honours';
import { TransactionRunner } from '../database/transaction';
import { foldKey, parseCsv } from '../directory/csv';
import { type ImportProblem, readImportHeader, readImportRow } from './dossiers-csv';
import { DossiersService, newPrepareCache } from './dossiers.service';

export interface ImportRequest {
  csv: string;
  mapping?: Record<string, string>;
  distinction?: Distinction;
  /** `all`: nothing is written when a row is invalid; `valid`: the valid rows are imported. */
  mode: 'all' | 'valid';
}

/**
 * Import of dossiers from a form service's CSV export: every row is checked like a dossier
 * created by hand (schema, commune, duplicates in the base and in the file, rules). The report
 * names each problem by line and column.
 */
@Injectable()
export class DossiersImportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly dossiers: DossiersService,
  ) {}

  import(request: ImportRequest, user: AuthUser): Promise<HonoursImportResult> {
    return this.tx.run(async ({ manager: m }) => {
      await m.query("SELECT pg_advisory_xact_lock(hashtext('vigie.honours.import'))");
      const parsed = parseCsv(request.csv);
      if (!parsed.ok) throw report([{ line: parsed.line, column: '', message: parsed.message }]);
      const header = readImportHeader(parsed.header, request.mapping);
      if (header.problems.length) throw report(header.problems);
      if (parsed.records.length === 0)
        throw report([{ line: 2, column: '', message: 'no dossier in the file' }]);

      const communes = (await m.query('SELECT insee, name FROM commune')) as {
        insee: string;
        name: string;
      }[];
      const byInsee = new Set(communes.map((c) => c.insee));
      const byName = new Map<string, string | null>();
      for (const c of communes) {
        const key = foldKey(c.name);
        byName.set(key, byName.has(key) ? null : c.insee);
      }
      const resolve = (value: string) =>
        byInsee.has(value) ? value : (byName.get(foldKey(value)) ?? null);

      const problems: ImportProblem[] = [];
      const valid: { line: number; value: Parameters<DossiersService['insert']>[1] }[] = [];
      const pending = new Map<string, string>();
      const cache = newPrepareCache();
      for (const record of parsed.records) {
        const row = readImportRow(
          record,
          header.columns,
          { distinction: request.distinction },
          resolve,
        );
        if (row.problems.length) {
          problems.push(...row.problems);
          continue;
        }
        const prepared = await this.dossiers.prepare(m, row.body, '', pending, undefined, cache);
        if (!prepared.ok) {
          problems.push(
            ...prepared.problems.map((p) => ({
              line: row.line,
              column: row.columnOf(p.path),
              message: p.message,
            })),
          );
          continue;
        }
        pending.set(
          `${prepared.value.personKey}|${prepared.value.distinction}|${prepared.value.echelon}`,
          `line ${row.line}`,
        );
        valid.push({ line: row.line, value: prepared.value });
      }
      if (problems.length && request.mode === 'all') throw report(problems);
      const references: string[] = [];
      for (const { value } of valid) {
        const d = await this.dossiers.insert(
          m,
          value,
          user.id,
          { id: user.id, name: user.displayName },
          'importé (démarches en ligne)',
          cache,
        );
        references.push(d.reference);
      }
      return { imported: references.length, skipped: problems, references };
    });
  }
}

function report(problems: ImportProblem[]): AppError {
  return new AppError(
    'validation',
    `The file has ${problems.length} problem${problems.length > 1 ? 's' : ''}: nothing was imported`,
    problems.map((p) => ({
      path: `line.${p.line}${p.column ? `.${p.column}` : ''}`,
      message: p.message,
    })),
  );
}
