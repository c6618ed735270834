import type { Knex } from '@mikro-orm/postgresql';

/**
 * A Knex whose queries run one after another. Inside a transaction every query shares one
 * connection, and the `pg` driver must not be handed a query while another is running (deprecated
 * in pg 8, removed in 9): loaders built on a transaction batch in parallel, so their statements
 * are queued here instead. Only executing a builder or a raw is queued; composing them (as
 * subqueries, in select lists) is untouched.
 */
export function serialized(db: Knex): Knex {
  let tail: Promise<unknown> = Promise.resolve();
  const queue = <T extends object>(query: T): T => {
    const run = (query as unknown as PromiseLike<unknown>).then;
    if (typeof run !== 'function') return query;
    Object.defineProperty(query, 'then', {
      configurable: true,
      value(onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) {
        const result = tail.then(() => run.call(query));
        tail = result.catch(() => undefined);
        return result.then(onFulfilled, onRejected);
      },
    });
    return query;
  };
  return new Proxy(db, {
    apply: (target, self, args) => queue(Reflect.apply(target as unknown as (...a: unknown[]) => object, self, args)),
    get: (target, property, receiver) => {
      const value = Reflect.get(target, property, receiver);
      return property === 'raw' && typeof value === 'function' ? (...args: unknown[]) => queue(value.apply(target, args)) : value;
    },
  }) as Knex;
}
