import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { Knex } from '@mikro-orm/postgresql';
import type { FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, ErrorCode } from '../common/errors';

/**
 * Rate limits (README "Rate limits and caps"). Mutations and failed authentication are counted in
 * PostgreSQL (the `rate_limit` table, created by a migration) so that every process of a cluster
 * and every instance on the database draws on the same allowance. Should the database fail, each
 * process counts in memory instead (rate-limiter-flexible's insurance limiter) rather than letting
 * everything through. The query cost budget is counted in each process's memory: what it protects
 * is that process's CPU, which one user's costly reads would otherwise take from everyone on it,
 * and counting in PostgreSQL would add a write to every read.
 */
export interface RateLimitConfig {
  /** Per user, per window; 0 points turns the limit off. */
  mutations: { points: number; seconds: number };
  /** Per IP address, per window. */
  authFailures: { points: number; seconds: number };
  /** Per user and process, per window: the summed cost (query-limits.ts) of their operations. */
  queryCost: { points: number; seconds: number };
  /** Per user and process: the summed cost of their queries and mutations running at once; 0 turns it off. */
  queryCostAtOnce: number;
}

export type LimitName = 'mutations' | 'authFailures' | 'queryCost' | 'queryCostAtOnce';

const TOO_MANY: Record<LimitName, string> = {
  mutations: 'Too many changes in a short time',
  authFailures: 'Too many failed sign-ins from this address',
  queryCost: 'Too much query cost in a short time',
  queryCostAtOnce: 'Too much query cost running at once',
};

/** `RATE_LIMITED`, with when to retry: in `extensions.retryAfter` (seconds), and as HTTP 429 with `Retry-After`. */
export function rateLimited(limit: LimitName, msBeforeNext: number): AppError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const error = new AppError(ErrorCode.RATE_LIMITED, `${TOO_MANY[limit]}: retry after ${retryAfter} s.`, { limit, retryAfter });
  // Read by Apollo (status and headers of the answer); formatError keeps it from the client.
  error.extensions.http = { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) };
  return error;
}

export const isRateLimited = (error: unknown): error is AppError => error instanceof AppError && error.extensions.code === ErrorCode.RATE_LIMITED;

/** The retry-after seconds of a RATE_LIMITED error. */
export const retryAfterOf = (error: AppError) => Number(error.extensions.retryAfter);

function limiter(db: Knex, keyPrefix: string, points: number, seconds: number): RateLimiterPostgres | null {
  if (points <= 0) return null;
  return new RateLimiterPostgres({
    storeClient: db,
    storeType: 'knex',
    tableName: 'rate_limit',
    tableCreated: true,
    keyPrefix,
    points,
    duration: seconds,
    // A key over its limit is refused from memory until its window ends: a storm costs no statements.
    inMemoryBlockOnConsumed: points + 1,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: seconds }),
  });
}

/** A rejection is a RateLimiterRes; anything else (the store's error with no insurance) is a bug to surface. */
async function consume(which: RateLimiterPostgres, limit: LimitName, key: string, points: number): Promise<void> {
  try {
    await which.consume(key, points);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw rateLimited(limit, rejection.msBeforeNext);
    throw rejection;
  }
}

/** Root fields of a mutation (aliases included): `mutation { a: vote… b: vote… }` counts twice. */
function rootFieldCount(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') count += selection.name.value === '__typename' ? 0 : 1;
    else if (selection.kind === 'InlineFragment') count += rootFieldCount(selection.selectionSet, fragments, seen);
    else if (!seen.has(selection.name.value) && fragments.has(selection.name.value)) {
      seen.add(selection.name.value);
      count += rootFieldCount(fragments.get(selection.name.value)!.selectionSet, fragments, seen);
    }
  }
  return count;
}

/**
 * The cost of each user's operations running now in this process. The budget above bounds what a
 * user spends per window; this bounds how much of it runs at the same moment, so a budget spent on
 * several costly documents sent at once (one user on many connections) cannot take every core
 * together. One operation alone always runs, whatever its cost.
 */
class CostRunning {
  private readonly running = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** Room for one operation, given back by the returned function (once); null when there is none. */
  take(userId: string, cost: number): (() => void) | null {
    const now = this.running.get(userId) ?? 0;
    if (now > 0 && now + cost > this.max) return null;
    this.running.set(userId, now + cost);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const left = (this.running.get(userId) ?? cost) - cost;
      if (left > 0) this.running.set(userId, left);
      else this.running.delete(userId);
    };
  }
}

export class RateLimits {
  private readonly mutations: RateLimiterPostgres | null;
  private readonly authFailures: RateLimiterPostgres | null;
  private readonly queryCost: RateLimiterMemory | null;
  private readonly costRunning: CostRunning | null;

  constructor(db: Knex, private readonly config: RateLimitConfig) {
    this.mutations = limiter(db, 'mutations', config.mutations.points, config.mutations.seconds);
    this.authFailures = limiter(db, 'auth-failures', config.authFailures.points, config.authFailures.seconds);
    const { points, seconds } = config.queryCost;
    this.queryCost = points > 0 ? new RateLimiterMemory({ keyPrefix: 'query-cost', points, duration: seconds }) : null;
    this.costRunning = config.queryCostAtOnce > 0 ? new CostRunning(config.queryCostAtOnce) : null;
  }

  /**
   * Admits a query or mutation that is about to run: room among the user's operations running at
   * once, then its cost charged to the budget (chargeQueryCost). Returns what to call when it has
   * answered (null: nothing to give back); throws RATE_LIMITED (`queryCostAtOnce` retries after
   * 1 s: running operations end within the statement timeout, most within milliseconds). A
   * subscription is only charged: it stays open for long, but waits rather than computes.
   */
  async admitOperation(userId: string, cost: number, kind: OperationDefinitionNode['operation']): Promise<(() => void) | null> {
    if (kind === 'subscription' || !this.costRunning) {
      await this.chargeQueryCost(userId, cost);
      return null;
    }
    const giveBack = this.costRunning.take(userId, cost);
    if (!giveBack) throw rateLimited('queryCostAtOnce', 1000);
    try {
      await this.chargeQueryCost(userId, cost);
    } catch (refusal) {
      giveBack();
      throw refusal;
    }
    return giveBack;
  }

  /**
   * Charges an accepted operation's cost to its user (HTTP and WebSocket), before it runs; throws
   * RATE_LIMITED when what is left of the window's allowance cannot pay for it. The configuration
   * keeps QUERY_MAX_COST within the budget, so every document the limits accept can run.
   */
  async chargeQueryCost(userId: string, cost: number): Promise<void> {
    if (!this.queryCost || cost <= 0) return;
    try {
      await this.queryCost.consume(userId, cost);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // The refused operation spends nothing: what is left still pays for cheaper ones.
      await this.queryCost.reward(userId, cost);
      throw rateLimited('queryCost', rejection.msBeforeNext);
    }
  }

  /** Counts a mutation operation against its user; throws RATE_LIMITED when over. */
  async countMutation(userId: string, operation: OperationDefinitionNode, fragments: readonly FragmentDefinitionNode[] = []): Promise<void> {
    if (!this.mutations || operation.operation !== 'mutation') return;
    const fields = rootFieldCount(operation.selectionSet, new Map(fragments.map((fragment) => [fragment.name.value, fragment])));
    if (fields > 0) await consume(this.mutations, 'mutations', userId, fields);
  }

  /** Apollo: mutations over HTTP are counted once the operation is known, before any resolver runs. */
  mutationPlugin<C extends { user: { id: string } | null }>(): ApolloServerPlugin<C> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ operation, document, contextValue }) => {
          if (!operation || !contextValue.user) return;
          const fragments = document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === 'FragmentDefinition');
          await this.countMutation(contextValue.user.id, operation, fragments);
        },
      }),
    };
  }

  /**
   * Wraps the one authentication entry point: each failed attempt with credentials counts against
   * the client's address; over the limit, failures are answered RATE_LIMITED, and guesses
   * (`isGuess`: passwords) are not even checked until the window ends. A valid token still passes,
   * so colleagues behind the same address keep working.
   */
  guardAuthentication<C, U>(authenticate: (credentials: C) => Promise<U | null>, isGuess: (credentials: C) => boolean) {
    const failures = this.authFailures;
    if (!failures) return (credentials: C, _client?: ClientAddress) => authenticate(credentials);
    return async (credentials: C, client?: ClientAddress): Promise<U | null> => {
      const ip = client?.ip;
      if (!ip || !credentials) return authenticate(credentials);
      if (isGuess(credentials)) {
        const state = await failures.get(ip);
        if (state && state.consumedPoints >= this.config.authFailures.points) throw rateLimited('authFailures', state.msBeforeNext);
      }
      const user = await authenticate(credentials);
      if (!user) await consume(failures, 'authFailures', ip, 1);
      return user;
    };
  }
}

/** Where a request comes from, for the per-address limit. */
export interface ClientAddress {
  ip?: string;
}

/**
 * The client's address of a request that Express did not see (a WebSocket upgrade), by Express's
 * own `trust proxy` function: X-Forwarded-For is walked from the nearest hop while the hop is
 * trusted (the rule Express's `req.ip` follows, proxy-addr's).
 */
export function upgradeClientIp(request: IncomingMessage, trust: (address: string, hop: number) => boolean): string | undefined {
  const forwarded = String(request.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
    .reverse();
  const chain = [request.socket.remoteAddress ?? '', ...forwarded];
  for (let hop = 0; hop < chain.length - 1; hop++) if (!trust(chain[hop], hop)) return chain[hop] || undefined;
  return chain[chain.length - 1] || undefined;
}
