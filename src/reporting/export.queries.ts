import type { Knex } from '@mikro-orm/postgresql';
import { reportRows, ReportScope, visibleVotesCte } from './report-scope';

const COLUMNS = ['session', 'applicant_id', 'applicant', 'program', 'member', 'criterion', 'score', 'recommendation', 'confidence', 'vote_version', 'cast_at'];

function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  // A cell a spreadsheet would run as a formula (from an applicant's name, say) is kept as text.
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return [columns.join(','), ...rows.map((row) => columns.map((c) => csvField(row[c])).join(','))].join('\r\n') + '\r\n';
}

/**
 * Raw per-criterion scores, one row per vote and criterion, under the viewer's vote visibility.
 * `applicantsRead` hears which applicants it names (the audit trail records the export).
 */
export async function scoresCsv(db: Knex, scope: ReportScope, applicantsRead: (ids: string[]) => void = () => {}): Promise<string> {
  const votes = visibleVotesCte(scope);
  const rows = await reportRows(
    db,
    `with ${votes.sql}
     select s.title as session, a.id as applicant_id, a.first_name || ' ' || a.last_name as applicant, p.code as program,
            u.email as member, rc.key as criterion, vs.score, v.recommendation, v.confidence, v.version as vote_version,
            to_char(v.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as cast_at
       from visible_votes vv join vote v on v.id = vv.id
       join vote_score vs on vs.vote_id = v.id join rubric_criterion rc on rc.id = vs.criterion_id
       join review_session s on s.id = v.session_id join applicant a on a.id = v.applicant_id
       join program p on p.id = a.program_id join app_user u on u.id = v.member_id
      order by s.starts_at, a.last_name, a.id, u.email, rc.position`,
    votes.bindings,
  );
  applicantsRead([...new Set(rows.map((row) => row.applicant_id as string))]);
  return toCsv(COLUMNS, rows);
}
