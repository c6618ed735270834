import { defaultFieldResolver, GraphQLError, GraphQLSchema } from 'graphql';
import { mapDatabaseError } from '../common/database-errors';
import { ErrorCode } from '../common/errors';
import { parseGlobalId } from '../common/global-id';
import type { Context } from '../context';
import type { Logger } from '../logger';
import { AuditKind } from './audit-event.entity';
import type { AuditedOperation } from './operation-audit';

/** Arguments never written to the audit trail. */
const SECRET = /password|secret|token/i;
const MAX_TEXT = 2000;

/** The arguments as sent, secrets replaced, long texts cut, NUL characters (which jsonb cannot hold) shown as U+FFFD. */
export function auditedArguments(value: unknown, key = ''): unknown {
  if (SECRET.test(key)) return '[redacted]';
  if (typeof value === 'string') return (value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value).replace(/\u0000/g, '\uFFFD');
  if (Array.isArray(value)) return value.map((item) => auditedArguments(item));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, auditedArguments(v, k)]));
  return value;
}

/** Applicants named by global ID anywhere in the arguments. */
function applicantIdsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string' && value.length <= 200) {
    try {
      const parsed = parseGlobalId(value);
      if (parsed.type === 'Applicant') found.add(parsed.id);
    } catch {
      // not an ID
    }
  } else if (Array.isArray(value)) value.forEach((item) => applicantIdsIn(item, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => applicantIdsIn(item, found));
  return found;
}

function outcomeOf(error: unknown): string {
  const mapped = mapDatabaseError(error);
  const code = mapped instanceof GraphQLError ? mapped.extensions?.code : undefined;
  return typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * Every mutation of a signed-in user leaves one MUTATION row: who, when, which mutation, its
 * arguments (no secrets), its outcome (`OK` or the refusal's code) and the applicants it touched —
 * those named in its arguments and those whose rows its transaction changed (the CHANGE rows of
 * the same operation, folded in by the same statement). Written after the mutation, so refusals
 * are recorded too; the changes themselves are recorded inside the transaction by triggers.
 * Anonymous attempts are refused before any work and are not recorded (they would let anyone
 * fill the table).
 */
export function auditMutations(schema: GraphQLSchema, logger: Logger): void {
  const mutation = schema.getMutationType();
  if (!mutation) return;
  for (const field of Object.values(mutation.getFields())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, ctx: Context, info) => {
      if (!ctx.user) return resolve(source, args, ctx, info);
      const operation = ctx.audit.begin(info.fieldName);
      try {
        const result = await resolve(source, args, ctx, info);
        await record(ctx, operation, args, 'OK', logger);
        return result;
      } catch (error) {
        await record(ctx, operation, args, outcomeOf(error), logger);
        throw error;
      } finally {
        ctx.audit.current = null;
      }
    };
  }
}

async function record(ctx: Context, operation: AuditedOperation, args: Record<string, unknown>, outcome: string, logger: Logger): Promise<void> {
  if (operation.recorded) return;
  try {
    await ctx.db.raw(
      `insert into audit_event (kind, action, actor_id, request_id, operation_id, outcome, details, applicant_ids)
       select ?, ?, ?, ?, ?::uuid, ?, ?::jsonb,
              array(select unnest(?::uuid[]) union select unnest(e.applicant_ids) from audit_event e where e.operation_id = ?::uuid and e.kind = 'CHANGE')`,
      [
        AuditKind.MUTATION,
        operation.action,
        ctx.user!.id,
        ctx.requestId,
        operation.operationId,
        outcome,
        JSON.stringify({ arguments: auditedArguments(args) }),
        [...applicantIdsIn(args)],
        operation.operationId,
      ],
    );
  } catch (error) {
    // The mutation's own outcome stands (a committed change must not be reported as failed);
    // its changes are in the trail already, written by the triggers inside its transaction.
    logger.error(`Could not record mutation ${operation.action} in the audit trail`, error);
  }
}
