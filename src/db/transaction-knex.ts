import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * Plain SQL inside the caller's transaction, on its connection: a second connection per
 * transaction would exhaust the pool under load and see a different snapshot. Outside a
 * transaction, the pool.
 */
export function transactionKnex(em: EntityManager): Knex {
  return (em.getTransactionContext<Knex.Transaction>() ?? em.getKnex()) as Knex;
}
