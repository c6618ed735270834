import type { EntityManager } from '@mikro-orm/postgresql';

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

/** One statement at the start of the transaction. */
export async function actAs(em: EntityManager, acting: Acting): Promise<void> {
  const names = Object.keys(ACTING_SETTINGS) as (keyof Acting)[];
  await em.execute(
    `select ${names.map(() => 'set_config(?, ?, true)').join(', ')}`,
    names.flatMap((name) => [ACTING_SETTINGS[name], acting[name] ?? '']),
  );
}
