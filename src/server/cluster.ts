import cluster, { Worker } from 'node:cluster';
import { Counter, Gauge, Registry } from 'prom-client';
import type { Logger } from '../logger';
import { startupProblem } from '../startup-problems';
import { serveClusterMetrics } from './cluster-metrics';

/**
 * WORKERS=N: N server processes on one port with `node:cluster`. The primary prepares the
 * database once (migrations, demo data, the embedded PostgreSQL), then forks the workers; each
 * has its own pool and wakes the others through PostgreSQL LISTEN/NOTIFY, exactly as separate
 * servers on one database do. The primary restarts a worker that dies (with backoff), and on
 * SIGTERM drains every worker before it stops PostgreSQL.
 */

const FAILED = 'conclave:start-failed';
/**
 * A draining worker takes at most two drain timeouts (idle connections, then a request still
 * running: http-drain.ts), then closes its sockets and pool; past this much more it is killed.
 */
const CLOSE_GRACE_MS = 10_000;
const FIRST_RESTART_MS = 250;
const MAX_RESTART_MS = 30_000;
/** A worker that ran this long before dying starts its backoff afresh. */
const STABLE_MS = 60_000;

export interface PrimaryOptions {
  workers: number;
  logger: Logger;
  /** Given to every worker (the database URL the primary prepared). */
  env: Record<string, string>;
  /** SHUTDOWN_DRAIN_MS, which each worker drains by: how long the primary waits before it kills one. */
  drainMs: number;
  /** All workers listen: say where. */
  onReady(port: number): void;
  /** After the last worker has exited on shutdown (stops the embedded PostgreSQL). */
  onStopped(): Promise<void>;
}

interface StartFailure {
  problem: string | null;
  detail: string;
}

export function runPrimary(options: PrimaryOptions): void {
  const { logger } = options;
  const registry = new Registry();
  const alive = new Gauge({ name: 'conclave_cluster_workers', help: 'Worker processes running', registers: [registry], aggregator: 'first' });
  const restarts = new Counter({ name: 'conclave_cluster_worker_restarts_total', help: 'Workers restarted after they died', registers: [registry], aggregator: 'first' });
  serveClusterMetrics(registry);

  let ready = false;
  let stopping = false;
  let failure: StartFailure | undefined;
  const listening = new Set<Worker>();
  const startedAt = new Map<Worker, number>();
  let recentCrashes = 0;

  const fork = () => {
    const worker = cluster.fork(options.env);
    startedAt.set(worker, Date.now());
    alive.set(Object.keys(cluster.workers ?? {}).length);
    worker.on('message', (message: { conclave?: string } & StartFailure) => {
      if (message?.conclave === FAILED) failure ??= { problem: message.problem, detail: message.detail };
    });
    worker.once('listening', (address) => {
      listening.add(worker);
      if (ready) logger.info(`Worker ${worker.id} (pid ${worker.process.pid}) is listening`);
      if (!ready && listening.size === options.workers) {
        ready = true;
        options.onReady(address.port);
      }
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const wasListening = listening.delete(worker);
    const ranFor = Date.now() - (startedAt.get(worker) ?? Date.now());
    startedAt.delete(worker);
    alive.set(Object.keys(cluster.workers ?? {}).length);
    if (stopping) return;
    if (!ready) {
      // A worker that cannot start (port taken, database unreachable) will not start on a retry either.
      void giveUp(failure ?? { problem: null, detail: `A worker exited during start-up (code ${code}, signal ${signal}).` }, code || 1);
      return;
    }
    recentCrashes = ranFor > STABLE_MS ? 1 : recentCrashes + 1;
    const delay = Math.min(MAX_RESTART_MS, FIRST_RESTART_MS * 2 ** (recentCrashes - 1));
    logger.error(`Worker ${worker.id} (pid ${worker.process.pid}) died (code ${code}, signal ${signal}${wasListening ? '' : ', before it listened'}); restarting in ${delay} ms`);
    restarts.inc();
    setTimeout(() => {
      if (!stopping) fork();
    }, delay).unref();
  });

  const killAfterMs = 2 * options.drainMs + CLOSE_GRACE_MS;
  const stopWorkers = async () => {
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            const kill = setTimeout(() => {
              logger.error(`Worker ${worker.id} (pid ${worker.process.pid}) still draining after ${killAfterMs} ms: killed`);
              worker.process.kill('SIGKILL');
            }, killAfterMs);
            worker.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  };

  const giveUp = async (reason: StartFailure, code: number) => {
    if (stopping) return;
    stopping = true;
    await stopWorkers();
    await options.onStopped().catch(() => undefined);
    // One line for the operator, as a single process says it (not once per worker).
    console.error(reason.problem ?? reason.detail);
    process.exit(reason.problem ? 2 : code);
  };

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining ${Object.keys(cluster.workers ?? {}).length} workers, then shutting down`);
    await stopWorkers();
    await options.onStopped();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  for (let i = 0; i < options.workers; i++) fork();
}

export interface WorkerServer {
  stop(): Promise<void>;
}

/**
 * In a worker: starts the server, and on SIGTERM (from the primary) or SIGINT (a terminal's
 * Ctrl-C reaches every process of the group) drains it and exits. A start-up failure is told to
 * the primary, which says it once.
 */
export async function runWorker(logger: Logger, start: () => Promise<WorkerServer>): Promise<void> {
  let server: WorkerServer;
  try {
    server = await start();
  } catch (error) {
    const problem = startupProblem(error);
    const exit = () => process.exit(problem ? 2 : 1);
    // Exit once the primary has the message (or at once without a channel).
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (process.send) process.send({ conclave: FAILED, problem, detail }, exit);
    else exit();
    return;
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining this worker's requests`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => logger.error('Unhandled rejection', reason));
}
