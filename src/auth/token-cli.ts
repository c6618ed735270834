import 'reflect-metadata';
import { runShellCommand, withShellDatabase } from '../db/shell-command';
import { SignInMethod } from './auth-session.entity';
import { accessTokenFor, openSession } from './sessions';
import { loadOrCreateSecret } from './tokens';

/**
 * `npm run token -- <email>` signs that user in (a CLI session, SESSION_HOURS long) and prints an
 * access token (ACCESS_TOKEN_MINUTES long; only the token with `npm run --silent`);
 * `npm run token -- --list` lists the users. Uses the same database and secret as `npm start`.
 * The session is revoked like any other (`revokeSignInSession`).
 */
async function main(args: string[]): Promise<number> {
  if (args.length !== 1) {
    console.error('Usage: npm run token -- <email> | --list');
    return 2;
  }
  return withShellDatabase(async (orm, config) => {
    const db = orm.em.getKnex();
    if (args[0] === '--list') {
      const users = await db('app_user').orderBy(['role', 'email']).select('email', 'name', 'role');
      if (users.length === 0) console.log('No users yet: start the server once (npm start) to load the demo data.');
      for (const u of users) console.log(`${u.role.padEnd(17)} ${u.email.padEnd(36)} ${u.name}`);
      return 0;
    }
    const user = await db('app_user').whereRaw('lower(email) = lower(?)', [args[0]]).first('id', 'email', 'name', 'role');
    if (!user) {
      console.error(`No user with email ${args[0]}; see npm run token -- --list`);
      return 1;
    }
    const session = await openSession(db, { userId: user.id, method: SignInMethod.CLI, hours: config.auth.sessionHours, userAgent: 'npm run token' });
    const access = await accessTokenFor(loadOrCreateSecret(config.jwtSecret, config.dataDir), { userId: user.id, sessionId: session.sessionId }, config.auth.accessTokenMinutes);
    console.log(access.token);
    return 0;
  });
}

runShellCommand(main);
