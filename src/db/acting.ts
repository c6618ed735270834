import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * Who is acting in the current transaction, for the audit trail's triggers (audit.routines.ts):
 * transaction-local settings, so they end with the transaction and never leak to the next user
 * of the pooled connection. Unset, a change is recorded as made by the server itself.
 */
export interface Acting {
  actorId: string | null;
  requestId: string | null;
  /** Ties the trigger-written rows to the one mutation that caused them. */
  operationId: string | null;
  /** The mutation, e.g. `recordDecision`. */
  action: string | null;
}

export const ACTING_SETTINGS = {
  actorId: 'conclave.actor_id',
  requestId: 'conclave.request_id',
  operationId: 'conclave.operation_id',
  action: 'conclave.action',
} as const;

const NAMES = Object.keys(ACTING_SETTINGS) as (keyof Acting)[];
const STATEMENT = `select ${NAMES.map(() => 'set_config(?, ?, true)').join(', ')}`;
const bindings = (acting: Acting) => NAMES.flatMap((name) => [ACTING_SETTINGS[name], acting[name] ?? '']);

/** One statement at the start of the transaction. */
export async function actAs(em: EntityManager, acting: Acting): Promise<void> {
  await em.execute(STATEMENT, bindings(acting));
}

/** The same, in a transaction of plain queries. */
export async function actAsIn(trx: Knex.Transaction, acting: Acting): Promise<void> {
  await trx.raw(STATEMENT, bindings(acting));
}
