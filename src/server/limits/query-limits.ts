import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { DocumentNode, GraphQLError, GraphQLSchema, Lexer, Source, TokenKind, validate, ValidationContext, ValidationRule, visitInParallel } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { ErrorCode } from '../../common/errors';
import { isObjectField, listSize } from './list-sizes';

/**
 * What one operation may ask for, checked before anything runs, the same for HTTP and WebSocket:
 * tokens before parsing (so a 1 MB document costs one pass of the lexer), then depth, aliases and
 * directives (graphql-armor's rules), then cost and nodes (graphql-query-complexity with
 * list-sizes.ts, which needs the variables: `first: $n`). The README's "Limits" section says why
 * each maximum is what it is.
 */
export interface QueryLimits {
  tokens: number;
  depth: number;
  aliases: number;
  directives: number;
  /** Fields resolved, each multiplied by the sizes of the lists above it. */
  cost: number;
  /** Objects in the answer, counted the same way (GitHub's node limit). */
  nodes: number;
  /** "Did you mean …" in validation errors: they map the schema for whoever may not introspect it. */
  suggestions: boolean;
}

/** graphql-armor's defaults where its own are kept, loosened where the real documents need it (README). */
export const DEFAULT_LIMITS: QueryLimits = { tokens: 1000, depth: 6, aliases: 15, directives: 50, cost: 50_000, nodes: 500_000, suggestions: false };

export type LimitName = 'tokens' | 'depth' | 'aliases' | 'directives' | 'cost' | 'nodes';

/** The one refusal: which limit, what the document measured, and the maximum. HTTP 400. */
export function tooComplex(limit: LimitName, measured: number, maximum: number): GraphQLError {
  return new GraphQLError(`The operation exceeds the ${limit} limit: ${measured} > ${maximum}.`, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, measured, maximum, http: { status: 400 } },
  });
}

/** Counts tokens, stopping at one more than the maximum: refusing needs no more of the text. */
function countTokens(text: string, maximum: number): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) if (++count > maximum) break;
  } catch {
    // A syntax error: the parser reports it with its location.
  }
  return count;
}

/** A refusal, or the cost of an operation the limits accept. */
export interface CostCheck {
  refusal: GraphQLError | null;
  cost: number;
}

export class QueryLimiter {
  private readonly rule: ValidationRule;

  constructor(
    private readonly schema: GraphQLSchema,
    readonly limits: QueryLimits = DEFAULT_LIMITS,
  ) {
    this.rule = this.documentRule();
  }

  /** Before parsing: the text's tokens. */
  checkText(text: string): GraphQLError | null {
    const tokens = countTokens(text, this.limits.tokens);
    return tokens > this.limits.tokens ? tooComplex('tokens', tokens, this.limits.tokens) : null;
  }

  /** After graphql's own validation, before execution: the first limit the operation exceeds, and its cost. */
  checkOperation(document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown> | null): CostCheck {
    const refusal = this.checkDocument(document);
    return refusal ? { refusal, cost: 0 } : this.checkCost(document, operationName, variables);
  }

  /** Depth, aliases and directives: the document's alone (cacheable with it). */
  checkDocument(document: DocumentNode): GraphQLError | null {
    return validate(this.schema, document, [this.rule])[0] ?? null;
  }

  /**
   * Cost and nodes, which depend on the variables (`first: $n`, `nodes(ids: $ids)`); an accepted
   * operation's cost is what the per-user cost budget is charged (rate-limits.ts).
   */
  checkCost(document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown> | null): CostCheck {
    let cost = 0;
    for (const limit of ['cost', 'nodes'] as const) {
      let measured: number;
      try {
        measured = this.measure(limit, document, operationName, variables);
      } catch (error) {
        // Variables that do not coerce: execution refuses them the same way, before any resolver.
        if (error instanceof GraphQLError) return { refusal: null, cost: 0 };
        throw error;
      }
      if (measured > this.limits[limit]) return { refusal: tooComplex(limit, measured, this.limits[limit]), cost: 0 };
      if (limit === 'cost') cost = measured;
    }
    return { refusal: null, cost };
  }

  /** A document's cost or node count (the limits test prints them for the real documents). */
  measure(count: 'cost' | 'nodes', document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown> | null): number {
    return getComplexity({
      schema: this.schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [({ type, field, args, childComplexity }) => listSize(type, field, args) * ((count === 'cost' || isObjectField(field) ? 1 : 0) + childComplexity)],
    });
  }

  /**
   * graphql-armor's depth, alias and directive rules as one validation rule that reports only the
   * first refusal, with its numbers (armor's message says "…, found N.").
   */
  private documentRule(): ValidationRule {
    const found = new WeakMap<ValidationContext, GraphQLError>();
    const options = (limit: 'depth' | 'aliases' | 'directives') => ({
      n: this.limits[limit],
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [
        (context: ValidationContext | null, error: GraphQLError) => {
          if (!context || found.has(context)) return;
          const measured = Number(/found (\d+)/.exec(error.message)?.[1] ?? this.limits[limit] + 1);
          found.set(context, tooComplex(limit, measured, this.limits[limit]));
        },
      ],
    });
    const rules = [maxDepthRule(options('depth')), maxAliasesRule(options('aliases')), maxDirectivesRule(options('directives'))];
    return (context) =>
      visitInParallel([
        ...rules.map((rule) => rule(context) as unknown as Parameters<typeof visitInParallel>[0][number]),
        {
          Document: {
            leave() {
              const refusal = found.get(context);
              if (refusal) context.reportError(refusal);
            },
          },
        },
      ]);
  }
}

const SUGGESTION = /\s*Did you mean .+\?$/;

/** A validation message without graphql-js's "Did you mean …?" (suggestions off). */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}
