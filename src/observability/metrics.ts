import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What an operator watches, in Prometheus' text format at `/metrics` (prom-client). Every value
 * that already exists somewhere (open sockets, subscriptions, the pool) is read when Prometheus
 * scrapes, not counted on the hot paths; what is counted costs one observation per request or
 * per fan-out batch, never per socket.
 */

/** Operation names come from clients: past this many distinct ones, the rest share one label. */
const MAX_OPERATION_NAMES = 200;
const OTHER_OPERATIONS = '(other)';
const ANONYMOUS = '(anonymous)';

const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Process metrics (CPU, memory, event-loop delay, GC) are per process, whatever the servers in it. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** What the pool gauges read: tarn's pool under MikroORM's knex. */
export interface PoolLike {
  max: number;
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

export interface LiveCounts {
  sockets(): number;
  subscriptions(): number;
  sessionsFollowed(): number;
}

export class Metrics {
  private readonly own = new Registry();
  private readonly operationNames = new Set<string>();

  private readonly requestSeconds = new Histogram({
    name: 'conclave_graphql_request_duration_seconds',
    help: 'GraphQL operations from receipt to response (HTTP) or to a running subscription (WebSocket), by operation',
    labelNames: ['operation', 'type', 'transport'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.own],
  });

  private readonly errorCount = new Counter({
    name: 'conclave_graphql_errors_total',
    help: 'Errors returned to clients, by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.own],
  });

  private readonly deliverySeconds = new Histogram({
    name: 'conclave_live_delivery_duration_seconds',
    help: 'Shared live fan-out: from a batch of events reaching the fan-out to its last socket written (audience read, execution, writes)',
    buckets: LATENCY_BUCKETS,
    registers: [this.own],
  });

  private readonly lagSeconds = new Histogram({
    name: 'conclave_event_log_lag_seconds',
    help: "Event log: from an event's transaction to this process reading it (the oldest event of each read)",
    buckets: LATENCY_BUCKETS,
    registers: [this.own],
  });

  private readonly slowSockets = new Counter({
    name: 'conclave_live_slow_sockets_total',
    help: 'Live sockets too far behind: `closed` with 1013, then `destroyed` when the close could not finish in LIVE_STALLED_CLOSE_MS',
    labelNames: ['outcome'] as const,
    registers: [this.own],
  });

  /** What `/metrics` shows for this process: its own metrics and the process's (merged when asked: gauges come later). */
  get registry(): Registry {
    return Registry.merge([this.own, processMetrics()]);
  }

  /** The operation label: the operation's name, bounded so that clients cannot grow the series without end. */
  private operationLabel(name: string | null | undefined): string {
    if (!name) return ANONYMOUS;
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return OTHER_OPERATIONS;
    this.operationNames.add(name);
    return name;
  }

  observeRequest(operationName: string | null | undefined, type: string, transport: 'http' | 'ws', seconds: number): void {
    this.requestSeconds.observe({ operation: this.operationLabel(operationName), type, transport }, seconds);
  }

  countError(code: string): void {
    this.errorCount.inc({ code });
  }

  observeDelivery(seconds: number): void {
    this.deliverySeconds.observe(seconds);
  }

  countSlowSocket(outcome: 'closed' | 'destroyed'): void {
    this.slowSockets.inc({ outcome });
  }

  observeEventLag(seconds: number): void {
    this.lagSeconds.observe(Math.max(0, seconds));
  }

  /** Live connections, read at scrape time. */
  watchLive(counts: LiveCounts): void {
    gauge(this.own, 'conclave_live_sockets', 'Open graphql-ws sockets', counts.sockets);
    gauge(this.own, 'conclave_live_subscriptions', 'Running graphql-ws subscriptions', counts.subscriptions);
    gauge(this.own, 'conclave_live_sessions_followed', "Review sessions whose event log this process follows (one reader each)", counts.sessionsFollowed);
  }

  /** The database pool (MikroORM's knex pool), read at scrape time. */
  watchPool(pool: () => PoolLike | undefined): void {
    const read = (field: (p: PoolLike) => number) => () => {
      const current = pool();
      return current ? field(current) : 0;
    };
    gauge(this.own, 'conclave_db_pool_used', 'Database connections lent out', read((p) => p.numUsed()));
    gauge(this.own, 'conclave_db_pool_free', 'Database connections idle in the pool', read((p) => p.numFree()));
    gauge(this.own, 'conclave_db_pool_waiting', 'Requests waiting for a database connection', read((p) => p.numPendingAcquires()));
    gauge(this.own, 'conclave_db_pool_max', 'Largest size of the pool', read((p) => p.max));
  }
}

function gauge(registry: Registry, name: string, help: string, value: () => number): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(value());
    },
  });
}
