import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate, openOrm } from '../../src/db/orm';
import { withDatabase } from '../../src/db/postgres-server';

function testEnvironment() {
  const adminUrl = process.env.CONCLAVE_TEST_ADMIN_URL;
  const template = process.env.CONCLAVE_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('Run the tests through jest (npm test): the global setup prepares the database.');
  return { adminUrl, template };
}

/** The first caller migrates the template under an advisory lock; the others wait for it. */
async function ensureTemplateMigrated(admin: Client, adminUrl: string, template: string) {
  await admin.query('select pg_advisory_lock(hashtext($1))', [template]);
  try {
    const probe = new Client({ connectionString: withDatabase(adminUrl, template) });
    await probe.connect();
    const { rows } = await probe.query(`select to_regclass('mikro_orm_migrations') is not null as migrated`);
    await probe.end();
    if (rows[0].migrated) return;
    const orm = await openOrm(withDatabase(adminUrl, template), { poolMax: 1 });
    try {
      await migrate(orm);
    } finally {
      await orm.close();
    }
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [template]);
  }
}

/** A fresh database for one test file, cloned from the migrated template (fast: a file copy). */
export async function createTestDatabase(): Promise<string> {
  const { adminUrl, template } = testEnvironment();
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await ensureTemplateMigrated(admin, adminUrl, template);
    // Cloning needs the template to have no other connections; retry while a sibling file clones it too.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
      }
    }
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl, name);
}
