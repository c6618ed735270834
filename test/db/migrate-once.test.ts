import { Client } from 'pg';
import { migrate, openOrm } from '../../src/db/orm';
import { withDatabase } from '../../src/db/postgres-server';

/**
 * Instances deployed at once on one empty database (a rolling deploy, a load balancer's pool
 * starting together) each apply pending migrations at start: they take turns, each migration
 * runs once, and none fails.
 */
test('migrations started by several processes at once on an empty database run once', async () => {
  const admin = new Client({ connectionString: process.env.CONCLAVE_TEST_ADMIN_URL });
  const name = `${process.env.CONCLAVE_TEST_TEMPLATE}_together`;
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabase(process.env.CONCLAVE_TEST_ADMIN_URL!, name);
  const orms = await Promise.all([1, 2, 3].map(() => openOrm(url, { poolMax: 2 })));
  try {
    const applied = await Promise.all(orms.map((orm) => migrate(orm)));
    expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
    const { rows } = await orms[0].em.getKnex().raw('select name, count(*)::int as times from mikro_orm_migrations group by name');
    expect(rows.length).toBe(applied.flat().length);
    expect(rows.every((row: { times: number }) => row.times === 1)).toBe(true);
  } finally {
    await Promise.all(orms.map((orm) => orm.close()));
  }
});
