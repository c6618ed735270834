import { AppError } from '../common/errors';
import { loadConfig, type Config } from '../config';
import { startupProblem } from '../startup-problems';
import { connectDatabase } from './database';
import { migrate, openOrm, type Orm } from './orm';
import { repoRoot } from './postgres-server';

/**
 * The server's shell commands (`npm run token`, `npm run user`) on the database `npm start` uses,
 * with one connection; `migrated` first applies pending migrations, so a command works on an
 * empty database.
 */
export async function withShellDatabase<T>(fn: (orm: Orm, config: Config) => Promise<T>, options: { migrated?: boolean } = {}): Promise<T> {
  const config = loadConfig(repoRoot());
  const database = await connectDatabase(config);
  const orm = await openOrm(database.url, { poolMax: 1 });
  try {
    if (options.migrated) await migrate(orm);
    return await fn(orm, config);
  } finally {
    await orm.close();
    await database.stop();
  }
}

/**
 * Runs a command and exits with its code. A refusal (bad input) and a problem the operator can fix
 * (a bad variable, an unreachable database) are said in one line (exit 1 and 2); anything else is
 * a bug and keeps its stack (exit 3).
 */
export function runShellCommand(main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      const problem = error instanceof AppError ? error.message : startupProblem(error);
      console.error(problem ?? error);
      process.exit(error instanceof AppError ? 1 : problem ? 2 : 3);
    },
  );
}
