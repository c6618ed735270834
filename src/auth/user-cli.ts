import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { AuditKind } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit-recorder';
import { badInput } from '../common/errors';
import { requireEmail, requireText } from '../common/validation';
import { runShellCommand, withShellDatabase } from '../db/shell-command';
import { checkNewPassword, hashPassword } from './passwords';
import { revokeSessions } from './sessions';
import { UserRole } from './user.entity';

const USAGE = `Usage:
  npm run user -- add <email> "<name>" <OFFICER|COMMITTEE_MEMBER|REPORTER>
  npm run user -- password <email>      (the password is read from standard input)`;

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0];
}

/**
 * Users from the server's shell, for what the API cannot do yet: the first officer of a new
 * database (every other user is created by an officer, `createUser`), and a password for the
 * built-in sign-in. Runs the migrations first, so it works on an empty database. Both are
 * recorded in the audit trail, as done by the server itself.
 */
async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (!((command === 'add' && rest.length === 3) || (command === 'password' && rest.length === 1))) {
    console.error(USAGE);
    return 2;
  }
  const password = command === 'password' ? await readStdin() : null;
  return withShellDatabase(async (orm) => {
    const db = orm.em.getKnex();
    const email = requireEmail('email', rest[0]);
    if (command === 'add') {
      const role = rest[2] as UserRole;
      if (!Object.values(UserRole).includes(role)) throw badInput('role', `The role is one of ${Object.values(UserRole).join(', ')}.`);
      if (await db('app_user').whereRaw('lower(email) = ?', [email]).first('id')) throw badInput('email', `A user with email ${email} exists.`);
      const id = randomUUID();
      await db('app_user').insert({ id, email, name: requireText('name', rest[1]), role });
      await recordAudit(db, [{ kind: AuditKind.MUTATION, action: 'npm run user add', outcome: 'OK', details: { arguments: { email, role } } }]);
      console.log(`Added ${role} ${email}.`);
      return 0;
    }
    const user = await db('app_user').whereRaw('lower(email) = ?', [email]).first('id');
    if (!user) throw badInput('email', `No user with email ${email}; see npm run token -- --list.`);
    const hash = await hashPassword(checkNewPassword('password', password ?? '', email));
    await db.transaction(async (trx) => {
      await trx.raw(`insert into user_password (user_id, hash) values (?, ?) on conflict (user_id) do update set hash = excluded.hash, updated_at = now()`, [user.id, hash]);
      await revokeSessions(trx, { userId: user.id }, null);
      await recordAudit(trx, [{ kind: AuditKind.MUTATION, action: 'npm run user password', outcome: 'OK', details: { arguments: { email } } }]);
    });
    console.log(`Set the password of ${email}; their sessions were ended.`);
    return 0;
  }, { migrated: true });
}

runShellCommand(main);
