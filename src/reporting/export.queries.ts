import type { Knex } from '@mikro-orm/postgresql';
import { Fragment, reportRows, ReportScope, visibleVotesCte } from './report-scope';

const COLUMNS = ['session', 'applicant_id', 'applicant', 'program', 'member', 'criterion', 'score', 'recommendation', 'confidence', 'vote_version', 'cast_at'];
/** Rows per FETCH of the streamed export: a few hundred KB of CSV, whatever the export's size. */
export const EXPORT_BATCH_ROWS = 2000;

function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  // A cell a spreadsheet would run as a formula (from an applicant's name, say) is kept as text.
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLines = (columns: string[], rows: Record<string, unknown>[]) => rows.map((row) => columns.map((c) => csvField(row[c])).join(',') + '\r\n').join('');

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return columns.join(',') + '\r\n' + csvLines(columns, rows);
}

/** Raw per-criterion scores, one row per vote and criterion, under the viewer's vote visibility. */
function scoresSql(scope: ReportScope): Fragment {
  const votes = visibleVotesCte(scope);
  return {
    sql: `with ${votes.sql}
     select s.title as session, a.id as applicant_id, a.first_name || ' ' || a.last_name as applicant, p.code as program,
            u.email as member, rc.key as criterion, vs.score, v.recommendation, v.confidence, v.version as vote_version,
            to_char(v.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as cast_at
       from visible_votes vv join vote v on v.id = vv.id
       join vote_score vs on vs.vote_id = v.id join rubric_criterion rc on rc.id = vs.criterion_id
       join review_session s on s.id = v.session_id join applicant a on a.id = v.applicant_id
       join program p on p.id = a.program_id join app_user u on u.id = v.member_id
      order by s.starts_at, a.last_name, a.id, u.email, rc.position`,
    bindings: votes.bindings,
  };
}

/**
 * The scores CSV built in memory, for the GraphQL field (`scoresCsv`). `applicantsRead` hears
 * which applicants it names (the audit trail records the export).
 */
export async function scoresCsv(db: Knex, scope: ReportScope, applicantsRead: (ids: string[]) => void = () => {}): Promise<string> {
  const { sql, bindings } = scoresSql(scope);
  const rows = await reportRows(db, sql, bindings);
  applicantsRead([...new Set(rows.map((row) => row.applicant_id as string))]);
  return toCsv(COLUMNS, rows);
}

/**
 * The same CSV, streamed (GET /reports/scores.csv): a server-side cursor in one read-only
 * snapshot, FETCHed `batchRows` at a time and written as it comes, so an export of millions of
 * rows holds one batch in memory. `beforeFirstRow` hears every applicant the export names, from
 * the same snapshot, before any row is written: the audit trail records the export before it
 * leaves, as it does for every other read. `write` resolves when the batch may be followed.
 */
export async function streamScoresCsv(
  db: Knex,
  scope: ReportScope,
  beforeFirstRow: (applicantIds: string[]) => Promise<void>,
  write: (chunk: string) => Promise<void>,
  batchRows = EXPORT_BATCH_ROWS,
): Promise<number> {
  const { sql, bindings } = scoresSql(scope);
  const votes = visibleVotesCte(scope);
  return db.transaction(async (trx) => {
    await trx.raw('set transaction isolation level repeatable read, read only');
    await trx.raw(`set local work_mem = '64MB'`);
    const named = await trx.raw(`with ${votes.sql} select distinct applicant_id from visible_votes`, votes.bindings);
    await beforeFirstRow(named.rows.map((row: { applicant_id: string }) => row.applicant_id));
    await trx.raw(`declare scores_export no scroll cursor for ${sql}`, bindings);
    await write(COLUMNS.join(',') + '\r\n');
    let total = 0;
    for (;;) {
      const { rows } = await trx.raw(`fetch forward ${Math.trunc(batchRows)} from scores_export`);
      if (rows.length === 0) return total;
      total += rows.length;
      await write(csvLines(COLUMNS, rows));
    }
  });
}
