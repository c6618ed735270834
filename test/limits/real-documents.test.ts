import { GraphQLInputType, isEnumType, isInputObjectType, isListType, isNonNullType, parse, typeFromAST, validate, type DocumentNode, type GraphQLSchema, Kind, OperationDefinitionNode } from 'graphql';
import { createSchema } from '../../src/schema';
import { DEFAULT_LIMITS, QueryLimiter } from '../../src/server/limits/query-limits';
import { realOperations } from './documents';

/**
 * The limits' defaults accept every document the real clients send. A new operation that needs
 * more fails here first, so whoever adds it loosens a limit with a reason (README "Limits").
 */
let schema: GraphQLSchema;
let limiter: QueryLimiter;

beforeAll(async () => {
  schema = await createSchema();
  limiter = new QueryLimiter(schema, DEFAULT_LIMITS);
});

const operations = realOperations();

const SCALARS: Record<string, unknown> = { ID: 'x', String: 'x', Int: 1, Float: 1, Boolean: true, DateTime: '2026-01-01T00:00:00Z', LocalDate: '2026-01-01', JSONObject: {} };

/** The least value of a type that coerces (required fields only), so that cost is measured as the client's would be. */
function least(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return least(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => [f.name, least(f.type)]));
  }
  return SCALARS[type.name] ?? 'x';
}

/** The operation's variables: `first`/`last` at 100, every other required one at its least value. */
function variablesOf(document: DocumentNode, given: Record<string, unknown>): Record<string, unknown> {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const values: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    const name = v.variable.name.value;
    if (name in given) values[name] = given[name];
    else if (v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue) values[name] = least(typeFromAST(schema, v.type) as GraphQLInputType);
  }
  return values;
}

test('the real documents are found (README, reporting client, web client, test operations, benchmark)', () => {
  const sources = new Set(operations.map((op) => op.source.replace(/ #\d+$/, '').replace(/^test\/operations\/.*/, 'test/operations')));
  expect([...sources].sort()).toEqual(['README.md', 'bench/nested-read.ts', 'client/operations', 'src/reporting/client/report.graphql', 'test/operations', 'web/src/operations']);
  expect(operations.length).toBeGreaterThan(20);
});

test.each(operations.map((op) => [`${op.source}: ${op.name}`, op] as const))('%s is within the limits', (_label, op) => {
  expect(limiter.checkText(op.text)).toBeNull();
  const document = parse(op.text);
  expect(validate(schema, document)).toEqual([]);
  const name = op.name === '(anonymous)' ? null : op.name;
  const variables = variablesOf(document, op.variables);
  // Measured for real (checkCost lets variables that do not coerce through to execution).
  expect(() => limiter.measure('cost', document, name, variables)).not.toThrow();
  expect(limiter.checkOperation(document, name, variables).refusal).toBeNull();
});

test('what the real documents measure (printed for the README)', () => {
  const rows = operations.map((op) => {
    const document = parse(op.text);
    const name = op.name === '(anonymous)' ? null : op.name;
    const variables = variablesOf(document, op.variables);
    const depth = Number(/found (\d+)/.exec(new QueryLimiter(schema, { ...DEFAULT_LIMITS, depth: 1 }).checkDocument(document)?.message ?? '')?.[1] ?? 0);
    return `${op.source} ${op.name}: depth ${depth}, cost ${limiter.measure('cost', document, name, variables)}, nodes ${limiter.measure('nodes', document, name, variables)}`;
  });
  if (process.env.PRINT_LIMITS) console.log(rows.join('\n'));
  expect(rows).toHaveLength(operations.length);
});
