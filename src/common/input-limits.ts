import {
  DocumentNode,
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isScalarType,
  Kind,
  TypeInfo,
  ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { ErrorCode } from './errors';
import type { ScalarInputCheck } from './scalars';
import { MAX_INPUT_LIST_ITEMS, MAX_TEXT_LENGTH, textProblem } from './validation';

/**
 * One check of every argument of an operation, before anything runs, on HTTP and WebSocket alike:
 * the text PostgreSQL cannot store (a NUL character) or should never be sent (longer than any
 * column holds), and input lists longer than their maximum. Literals in the document and the
 * variables' values are walked alike, along the argument's declared type, so the error names the
 * field at fault (`filter.search`, `completedCourses[3]`) the way the services' own checks do.
 *
 * A list's maximum is MAX_INPUT_LIST_ITEMS unless its input field declares its own with type-graphql's
 * `@Extensions({ maxItems })`. Values of the wrong shape are left alone: the variables' coercion
 * refuses them with its own message.
 */
export function inputProblem(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): GraphQLError | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const values = variables ?? {};
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);

  let found: GraphQLError | null = null;
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const argument = typeInfo.getArgument();
      if (found || !argument) return;
      // `input` wraps a mutation's fields; the services name those fields without it.
      const path = node.name.value === 'input' ? '' : node.name.value;
      found = literal(node.value, argument.type, path, argument.extensions?.maxItems as number | undefined);
    },
  });
  // The operation, and each fragment it may spread (validation has already refused cycles and unknown ones).
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  for (const definition of [operation, ...fragments]) {
    if (found) break;
    visit(definition, visitor);
  }
  return found;

  function literal(node: ValueNode, type: GraphQLInputType, path: string, maxItems: number | undefined): GraphQLError | null {
    if (node.kind === Kind.VARIABLE) {
      const name = node.name.value;
      if (Object.prototype.hasOwnProperty.call(values, name)) return value(values[name], type, path, maxItems);
      const fallback = defaults.get(name);
      return fallback ? literal(fallback, type, path, maxItems) : null;
    }
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (node.kind !== Kind.LIST) return literal(node, nullable.ofType, path, undefined);
      const tooLong = listProblem(node.values.length, path, maxItems);
      if (tooLong) return tooLong;
      for (const [index, item] of node.values.entries()) {
        const problem = literal(item, nullable.ofType, `${path}[${index}]`, undefined);
        if (problem) return problem;
      }
      return null;
    }
    if (isInputObjectType(nullable)) {
      if (node.kind !== Kind.OBJECT) return null;
      const fields = nullable.getFields();
      for (const field of node.fields) {
        const declared = fields[field.name.value];
        if (!declared) continue;
        const problem = literal(field.value, declared.type, join(path, field.name.value), declared.extensions?.maxItems as number | undefined);
        if (problem) return problem;
      }
      return null;
    }
    if (node.kind === Kind.STRING) return text(node.value, path) ?? scalarCheck(nullable, node.value, path);
    if (node.kind === Kind.LIST || node.kind === Kind.OBJECT) return isScalarType(nullable) ? deepText(valueFromLiteral(node), path) : null;
    return null;
  }

  function value(given: unknown, type: GraphQLInputType, path: string, maxItems: number | undefined): GraphQLError | null {
    if (given === null || given === undefined) return null;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (!Array.isArray(given)) return value(given, nullable.ofType, path, undefined);
      const tooLong = listProblem(given.length, path, maxItems);
      if (tooLong) return tooLong;
      for (const [index, item] of given.entries()) {
        const problem = value(item, nullable.ofType, `${path}[${index}]`, undefined);
        if (problem) return problem;
      }
      return null;
    }
    if (isInputObjectType(nullable)) {
      if (typeof given !== 'object' || Array.isArray(given)) return null;
      const fields = nullable.getFields();
      for (const [name, item] of Object.entries(given as Record<string, unknown>)) {
        const declared = fields[name];
        if (!declared) continue;
        const problem = value(item, declared.type, join(path, name), declared.extensions?.maxItems as number | undefined);
        if (problem) return problem;
      }
      return null;
    }
    if (isEnumType(getNamedType(nullable))) return null;
    // Strings, ids, dates, and JSON objects (jsonb refuses NUL in any of its texts, keys included).
    return deepText(given, path) ?? (typeof given === 'string' ? scalarCheck(nullable, given, path) : null);
  }
}

/** A scalar's own check of its input (scalars.ts: dates in a sane range). */
function scalarCheck(type: GraphQLInputType, given: string, path: string): GraphQLError | null {
  if (!isScalarType(type)) return null;
  const check = type.extensions?.inputCheck as ScalarInputCheck | undefined;
  const problem = check?.(given);
  return problem ? refuse(path, problem) : null;
}

const join = (path: string, name: string) => (path ? `${path}.${name}` : name);

function refuse(path: string, message: string): GraphQLError {
  const field = path || 'input';
  // 400, as for any document or variables refused before execution.
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, field, http: { status: 400 } } });
}

function listProblem(length: number, path: string, maxItems = MAX_INPUT_LIST_ITEMS): GraphQLError | null {
  return length > maxItems ? refuse(path, `at most ${maxItems} items, got ${length}.`) : null;
}

function text(given: string, path: string): GraphQLError | null {
  const problem = textProblem(given, MAX_TEXT_LENGTH);
  return problem ? refuse(path, problem) : null;
}

/** Every text in a value of any shape (a JSON object's keys too), bounded by the request's own size. */
function deepText(given: unknown, path: string): GraphQLError | null {
  if (typeof given === 'string') return text(given, path);
  if (typeof given !== 'object' || given === null) return null;
  for (const [key, item] of Object.entries(given)) {
    const problem = text(key, path) ?? deepText(item, path);
    if (problem) return problem;
  }
  return null;
}

function valueFromLiteral(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
      return node.value;
    case Kind.LIST:
      return node.values.map(valueFromLiteral);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, valueFromLiteral(field.value)]));
    default:
      return null;
  }
}
