import type { Knex } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { eraseApplicants } from './erasure.service';

/** Applicants anonymised per transaction: the locks and the statement sizes stay small. */
const BATCH = 200;

/**
 * An applicant is due for erasure once their intake's retention (its own `retention_months`, else
 * RETENTION_MONTHS) has passed since the intake started. One on the agenda of a session still
 * open waits until it closes: the committee may be looking at the file.
 */
const DUE = `
  from applicant a join intake i on i.id = a.intake_id
 where a.anonymised_at is null
   and i.starts_on + make_interval(months => coalesce(i.retention_months, ?)) <= current_date`;
const ON_OPEN_AGENDA = `exists (select 1 from agenda_item ai join review_session s on s.id = ai.session_id where ai.applicant_id = a.id and s.status = 'OPEN')`;

export interface RetentionSweep {
  /** Past retention and not yet anonymised, before this sweep. */
  due: number;
  erased: number;
  /** Due, but on the agenda of an open session. */
  waiting: number;
}

export interface SweepOptions {
  defaultMonths: number;
  /** Null: the server's own schedule. */
  actorId: string | null;
  requestId?: string | null;
  operationId?: string | null;
  dryRun?: boolean;
}

/**
 * Anonymises every applicant past retention, in batches. Safe to run in several processes at
 * once: each batch locks its applicants and skips those another sweep holds.
 */
export async function sweepRetention(db: Knex, options: SweepOptions): Promise<RetentionSweep> {
  const { rows } = await db.raw(`select count(*)::int as due, count(*) filter (where ${ON_OPEN_AGENDA})::int as waiting ${DUE}`, [options.defaultMonths]);
  const { due, waiting } = rows[0];
  if (options.dryRun || due === waiting) return { due, erased: 0, waiting };
  let erased = 0;
  for (;;) {
    const batch = await db.transaction(async (trx) => {
      const ids: string[] = (
        await trx.raw(`select a.id ${DUE} and not ${ON_OPEN_AGENDA} order by a.id limit ${BATCH} for update of a skip locked`, [options.defaultMonths])
      ).rows.map((row: { id: string }) => row.id);
      return eraseApplicants(trx, ids, {
        actorId: options.actorId,
        requestId: options.requestId ?? null,
        operationId: options.operationId ?? randomUUID(),
        action: 'retentionSweep',
      });
    });
    erased += batch.length;
    if (batch.length < BATCH) break;
  }
  return { due, erased, waiting };
}

/**
 * The server's own sweep (RETENTION_SWEEP_HOURS): storage limitation is an obligation, not
 * something to remember to do. The first run comes a minute after start (then every interval),
 * each process at a slightly different moment; concurrent sweeps skip each other's rows.
 */
export function scheduleRetentionSweep(db: Knex, options: { everyHours: number; defaultMonths: number; logger: Logger; firstRunInMs?: number }): () => void {
  if (options.everyHours <= 0) return () => {};
  const run = async () => {
    try {
      const result = await sweepRetention(db, { defaultMonths: options.defaultMonths, actorId: null });
      if (result.erased > 0 || result.waiting > 0) {
        options.logger.info(`Retention: anonymised ${result.erased} applicants past retention${result.waiting ? `; ${result.waiting} wait for open sessions` : ''}.`);
      }
    } catch (error) {
      options.logger.error('The retention sweep failed; it runs again at the next interval', error);
    }
  };
  const first = setTimeout(() => void run(), options.firstRunInMs ?? 60_000 + Math.random() * 30_000).unref();
  const every = setInterval(() => void run(), options.everyHours * 3_600_000).unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
