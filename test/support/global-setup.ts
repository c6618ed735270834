import { Client } from 'pg';
import { resolveTestAdminUrl } from '../../src/db/postgres-server';

/**
 * Once per `npm test`: find a PostgreSQL (DATABASE_URL, else the local server, else an embedded
 * one) and create an empty template database; the first test file to need it migrates it (see
 * database.ts) and every file clones it: its own fresh database. MikroORM is not loaded here:
 * its metadata must live in the test files' own module registry.
 */
export default async function globalSetup() {
  const server = await resolveTestAdminUrl();
  const template = `conclave_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  await admin.end();

  process.env.CONCLAVE_TEST_ADMIN_URL = server.adminUrl;
  process.env.CONCLAVE_TEST_TEMPLATE = template;
  (globalThis as any).__conclaveTestServer = server;
  console.log(`\nTests use PostgreSQL from ${server.source}; template database ${template}.`);
}
