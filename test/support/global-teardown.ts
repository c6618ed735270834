import { Client } from 'pg';

/** Drops the template and every per-file database of this run, then stops an embedded server. */
export default async function globalTeardown() {
  const adminUrl = process.env.CONCLAVE_TEST_ADMIN_URL;
  const template = process.env.CONCLAVE_TEST_TEMPLATE;
  if (adminUrl && template) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    const { rows } = await admin.query(`select datname from pg_database where datname like $1`, [`${template}%`]);
    for (const { datname } of rows) await admin.query(`drop database if exists ${admin.escapeIdentifier(datname)} with (force)`);
    await admin.end();
  }
  await (globalThis as any).__conclaveTestServer?.stop();
}
