import './production-mode';
import 'reflect-metadata';
import { loadOrCreateSecret } from './auth/tokens';
import { loadConfig } from './config';
import { startupProblem } from './startup-problems';
import { connectDatabase } from './db/database';
import { migrate, openOrm } from './db/orm';
import { repoRoot } from './db/postgres-server';
import { seedDemoDataIfEmpty } from './demo/seed';
import { createLogger } from './logger';
import { createSchema } from './schema';
import { startServer } from './server';

async function main() {
  const startedAt = Date.now();
  const config = loadConfig(repoRoot());
  const logger = createLogger(config.logLevel);
  const database = await connectDatabase(config);
  const orm = await openOrm(database.url);
  const applied = await migrate(orm);
  if (applied.length > 0) logger.info(`Applied migrations: ${applied.join(', ')}`);
  if (config.seedDemoData && (await seedDemoDataIfEmpty(orm))) logger.info('Loaded the demo data set (the database was empty).');

  const secret = loadOrCreateSecret(config.jwtSecret, config.dataDir);
  const server = await startServer({ orm, schema: await createSchema(), secret, port: config.port, host: config.host, logger, liveDelivery: config.liveDelivery, settings: config.settings });

  logger.info(
    [
      '',
      `Conclave is ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${server.url} (Apollo Sandbox in a browser)`,
      `Database: ${database.source === 'embedded' ? `embedded PostgreSQL on port ${config.embeddedPort}, data in ${config.dataDir}` : 'DATABASE_URL'}`,
      'Every request needs a bearer token. In another terminal:',
      '  npm run token -- --list                 # the users, with their roles',
      '  npm run --silent token -- <email>       # prints a token for that user',
      `  curl -s ${server.url} -H "Authorization: Bearer $(npm run --silent token -- officer@conclave.example)" \\`,
      `       -H 'content-type: application/json' -d '{"query":"{ me { name role } }"}'`,
      '',
    ].join('\n'),
  );

  // A failure in a background task (a subscription's feed, a wake-up) must not take every
  // committee's connection down with it: log it with the others.
  process.on('unhandledRejection', (reason) => logger.error('Unhandled rejection', reason));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining requests and shutting down`);
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
