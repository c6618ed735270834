import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openOrm } from '../../src/db/orm';
import { repoRoot } from '../../src/db/postgres-server';
import { createSchema, printSortedSchema } from '../../src/schema';
import { createTestDatabase } from '../support/database';

/** Generated artefacts are committed; these fail when the code moved on without them. */
const root = repoRoot();
const committed = (file: string) => readFileSync(path.join(root, file), 'utf8');

test('schema/schema.graphql is what the code emits (npm run schema:emit)', async () => {
  expect(printSortedSchema(await createSchema())).toBe(committed('schema/schema.graphql'));
});

test('the migrations create exactly the schema the entities describe (npm run migration:create)', async () => {
  const orm = await openOrm(await createTestDatabase(), { poolMax: 1 });
  try {
    const pending = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(pending.trim()).toBe('');
    expect(await orm.getMigrator().checkMigrationNeeded()).toBe(false);
  } finally {
    await orm.close();
  }
});

test('the typed operations are what codegen.yml generates from the committed schema (npm run codegen)', async () => {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const config: Types.Config = parse(committed('codegen.yml'));
    const outputs = await generate({ ...config, cwd: root, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) expect(output.content).toBe(committed(output.filename));
  } finally {
    process.chdir(cwd);
  }
});
