import './production-mode';
import 'reflect-metadata';
import cluster from 'node:cluster';
import { signInBanner } from './auth/sign-in-banner';
import { loadOrCreateSecret } from './auth/tokens';
import { Config, loadConfig } from './config';
import { startupProblem } from './startup-problems';
import { connectDatabase } from './db/database';
import { migrate, openOrm, Orm } from './db/orm';
import { repoRoot } from './db/postgres-server';
import { seedDemoDataIfEmpty } from './demo/seed';
import { createLogger, Logger } from './logger';
import { scheduleRetentionSweep } from './privacy/retention';
import { createSchema } from './schema';
import { startServer } from './server';
import { runPrimary, runWorker } from './server/cluster';
import { TrustedDocuments } from './server/trusted-documents';

/** Migrations and the demo data, once per start: by the only process, or by the cluster's primary before any worker. */
async function prepare(orm: Orm, config: Config, logger: Logger) {
  const applied = await migrate(orm);
  if (applied.length > 0) logger.info(`Applied migrations: ${applied.join(', ')}`);
  if (config.seedDemoData && (await seedDemoDataIfEmpty(orm, { passwords: config.auth.demoSignIn }))) logger.info('Loaded the demo data set (the database was empty).');
}

/** One server process on a prepared database. */
async function serve(config: Config, orm: Orm, logger: Logger) {
  const secret = loadOrCreateSecret(config.jwtSecret, config.dataDir);
  return startServer({
    orm,
    schema: await createSchema({ logger }),
    secret,
    port: config.port,
    host: config.host,
    logger,
    liveDelivery: config.liveDelivery,
    settings: config.settings,
    limits: config.limits,
    metricsToken: config.metricsToken,
    trustedDocuments: TrustedDocuments.load(repoRoot(), config.trustedDocuments),
    auth: config.auth,
    defaultRetentionMonths: config.retention.defaultMonths,
    drainMs: config.faults.drainMs,
    backpressure: { maxBufferedBytes: config.faults.maxBufferedBytes, closeTimeoutMs: config.faults.stalledCloseMs },
    abuse: config.abuse,
  });
}

/** The retention sweep runs in one process per start (the only one, or the cluster's primary). */
function retentionSweep(orm: Orm, config: Config, logger: Logger) {
  return scheduleRetentionSweep(orm.em.getKnex(), { everyHours: config.retention.sweepHours, defaultMonths: config.retention.defaultMonths, logger });
}

/** The hints first, then the line that says the server is ready (what scripts wait for). */
async function announce(logger: Logger, config: Config, orm: Orm, startedAt: number, port: number, embedded: boolean) {
  const url = `http://localhost:${port}/graphql`;
  const processes = config.workers > 1 ? ` (${config.workers} worker processes)` : '';
  logger.info(
    [
      `Database: ${embedded ? `embedded PostgreSQL on port ${config.embeddedPort}, data in ${config.dataDir}` : 'DATABASE_URL'}`,
      ...(await signInBanner(orm.em.getKnex(), config.auth, url.replace(/\/graphql$/, ''))),
      'Every request needs a bearer token. In another terminal:',
      '  npm run token -- --list                 # the users, with their roles',
      '  npm run --silent token -- <email>       # prints a token for that user',
      `  curl -s ${url} -H "Authorization: Bearer $(npm run --silent token -- officer@conclave.example)" \\`,
      `       -H 'content-type: application/json' -d '{"query":"{ me { name role } }"}'`,
    ].join('\n'),
  );
  logger.info(`Conclave is ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${url}${processes} (Apollo Sandbox in a browser)`);
}

async function main() {
  const startedAt = Date.now();
  const config = loadConfig(repoRoot());
  const logger = createLogger(config.logLevel, { format: config.logFormat });

  if (cluster.isWorker) {
    // The primary prepared the database and passed its URL in DATABASE_URL.
    const worker = logger.child({ worker: cluster.worker!.id });
    return runWorker(worker, async () => {
      const orm = await openOrm(config.databaseUrl!, { poolMax: config.poolMax, statementTimeoutMs: config.statementTimeoutMs });
      const server = await serve(config, orm, worker);
      return { stop: async () => (await server.stop(), await orm.close()) };
    });
  }

  const database = await connectDatabase(config);
  if (config.workers > 1) {
    // The primary keeps one connection: for the banner and the retention sweep.
    const orm = await openOrm(database.url, { poolMax: 1 });
    await prepare(orm, config, logger);
    // Made now, so that every worker reads the same generated secret.
    loadOrCreateSecret(config.jwtSecret, config.dataDir);
    const stopRetention = retentionSweep(orm, config, logger);
    return runPrimary({
      workers: config.workers,
      logger,
      env: { DATABASE_URL: database.url },
      drainMs: config.faults.drainMs,
      onReady: (port) => void announce(logger, config, orm, startedAt, port, database.source === 'embedded'),
      onStopped: async () => {
        stopRetention();
        await orm.close();
        await database.stop();
      },
    });
  }

  const orm = await openOrm(database.url, { poolMax: config.poolMax, statementTimeoutMs: config.statementTimeoutMs });
  await prepare(orm, config, logger);
  const server = await serve(config, orm, logger);
  const stopRetention = retentionSweep(orm, config, logger);
  await announce(logger, config, orm, startedAt, server.port, database.source === 'embedded');

  // A failure in a background task (a subscription's feed, a wake-up) must not take every
  // committee's connection down with it: log it with the others.
  process.on('unhandledRejection', (reason) => logger.error('Unhandled rejection', reason));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining requests and shutting down`);
    stopRetention();
    await server.stop();
    await orm.close();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  const problem = startupProblem(error);
  // What the operator can fix is said in one line each; anything else is a bug and keeps its stack.
  console.error(problem ?? error);
  process.exit(problem ? 2 : 1);
});
