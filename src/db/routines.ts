import { auditRoutines, Routine } from '../audit/audit.routines';
import { APPLICANT_TABLES } from '../privacy/applicant-data';
import { scoreAggregateRoutines } from '../reporting/score-aggregates.routines';
import type { Knex } from '@mikro-orm/postgresql';

/**
 * Functions and triggers, which MikroORM's schema diff does not see (so they cannot come from
 * `npm run migration:create`). Each statement is idempotent (`create or replace`), and all of
 * them are applied after the migrations by every `migrate()`, in one transaction: the database
 * always has the triggers the code describes, whichever branch's migrations created its tables.
 * A trigger on a table that no migration has created yet waits for the migrate() that does.
 */
function routines(): Routine[] {
  return [...auditRoutines(APPLICANT_TABLES.filter((table) => table.audited)), ...scoreAggregateRoutines()];
}

export async function applyRoutines(knex: Knex): Promise<void> {
  await knex.transaction(async (trx) => {
    // Two processes starting together would otherwise race on pg_proc ("tuple concurrently updated").
    await trx.raw(`select pg_advisory_xact_lock(hashtext('conclave_routines'))`);
    const { rows } = await trx.raw(`select relname from pg_class where relkind in ('r', 'p') and relnamespace = 'public'::regnamespace`);
    const tables = new Set(rows.map((row: { relname: string }) => row.relname));
    for (const routine of routines()) if (!routine.on || tables.has(routine.on)) await trx.raw(routine.sql);
  });
}
