import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DefinitionNode, DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse, print, visit } from 'graphql';
import { CONCLAVE_AGENDA } from '../../bench/nested-read';
import { repoRoot } from '../../src/db/postgres-server';

/**
 * Every document the real clients send (the README's examples, the reporting client's, the web
 * client's, the tests' operations and the agenda benchmark's), one operation each, with the
 * fragments it uses: what the limits must accept.
 */
export interface RealOperation {
  source: string;
  name: string;
  text: string;
  /** `first`/`last` variables at their maximum (100): the most a client may ask of a page. */
  variables: Record<string, unknown>;
}

const root = repoRoot();
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const graphqlFiles = (dir: string) => readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.graphql')).map((f) => `${dir}/${f}`);

/** The README's GraphQL: its ```graphql blocks and the query of its curl example. */
function readmeDocuments(): string[] {
  const readme = read('README.md');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  const curls = [...readme.matchAll(/-d '(\{"query":.*\})'/g)].map((m) => (JSON.parse(m[1]) as { query: string }).query);
  return [...blocks, ...curls];
}

function fragmentsUsed(definition: DefinitionNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): Set<string> {
  visit(definition, {
    FragmentSpread(node) {
      if (seen.has(node.name.value)) return;
      seen.add(node.name.value);
      const fragment = fragments.get(node.name.value);
      if (fragment) fragmentsUsed(fragment, fragments, seen);
    },
  });
  return seen;
}

function operationsOf(source: string, documents: DocumentNode[]): RealOperation[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const doc of documents) for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const operations: RealOperation[] = [];
  for (const doc of documents) {
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION) continue;
      const used = [...fragmentsUsed(def, fragments)].map((name) => fragments.get(name)!).filter(Boolean);
      const variables: Record<string, unknown> = {};
      for (const v of (def as OperationDefinitionNode).variableDefinitions ?? []) if (['first', 'last'].includes(v.variable.name.value)) variables[v.variable.name.value] = 100;
      operations.push({ source, name: def.name?.value ?? '(anonymous)', text: [def, ...used].map((d) => print(d)).join('\n\n'), variables });
    }
  }
  return operations;
}

export function realOperations(): RealOperation[] {
  const clientFiles = graphqlFiles('client/operations');
  return [
    ...readmeDocuments().map((text, i) => operationsOf(`README.md #${i + 1}`, [parse(text)])).flat(),
    ...operationsOf('src/reporting/client/report.graphql', [parse(read('src/reporting/client/report.graphql'))]),
    // The web client's files share their fragments (page-info.graphql).
    ...operationsOf('client/operations', clientFiles.map((f) => parse(read(f)))),
    ...operationsOf('web/src/operations', graphqlFiles('web/src/operations').map((f) => parse(read(f)))),
    ...graphqlFiles('test/operations').flatMap((f) => operationsOf(f, [parse(read(f))])),
    ...operationsOf('bench/nested-read.ts', [parse(CONCLAVE_AGENDA)]),
  ];
}
