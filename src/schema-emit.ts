import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './db/postgres-server';
import { createSchema, printSortedSchema } from './schema';

/** `npm run schema:emit`: rewrites schema/schema.graphql from the code. */
createSchema()
  .then((schema) => {
    const file = path.join(repoRoot(), 'schema', 'schema.graphql');
    writeFileSync(file, printSortedSchema(schema));
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
