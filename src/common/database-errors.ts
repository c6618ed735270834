import {
  CheckConstraintViolationException,
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { AppError, badInput, conflict, ErrorCode, serviceUnavailable } from './errors';

/**
 * The database enforces the same rules as the services (so no client can store what the API
 * refuses). When a race gets past a service check, the constraint's refusal is turned into the
 * same kind of error the service would have given, with the field at fault.
 */
const CONSTRAINT_FIELDS: Record<string, { field: string; message: string; code?: ErrorCode }> = {
  vote_score_range_check: { field: 'scores', message: 'Scores are integers from 1 to 5.' },
  vote_confidence_check: { field: 'confidence', message: 'Confidence is 1, 2 or 3.' },
  vote_scholarship_check: { field: 'proposedScholarship', message: 'A scholarship is a percentage from 0 to 100.' },
  // Two first votes raced (two tabs): the loser changed from a version it never saw.
  vote_session_id_applicant_id_member_id_unique: {
    field: 'expectedVersion',
    message: 'Your vote on this applicant was cast meanwhile (another tab?). Reload it and change it with its version.',
    code: ErrorCode.STALE_VERSION,
  },
  reference_letter_applicant_referee_unique: { field: 'refereeEmail', message: 'This referee already has a reference for this applicant.' },
  applicant_intake_id_email_unique: { field: 'email', message: 'An applicant with this email is already registered for this intake.' },
  agenda_item_session_id_applicant_id_unique: { field: 'applicantId', message: 'The applicant is already on this agenda.' },
  committee_member_committee_id_user_id_unique: { field: 'userId', message: 'This user already sits on this committee.' },
  app_user_email_unique: { field: 'email', message: 'A user with this email exists.' },
  program_code_unique: { field: 'code', message: 'A program with this code exists.' },
  intake_code_unique: { field: 'code', message: 'An intake with this code exists.' },
  review_week_intake_id_starts_on_unique: { field: 'startsOn', message: 'The intake already has a review week starting that day.' },
  rubric_criterion_program_id_key_unique: { field: 'key', message: 'The rubric already has a criterion with this key.' },
  decision_applicant_id_unique: { field: 'applicantId', message: 'The applicant already has a decision.' },
  decision_scholarship_check: { field: 'scholarshipPercent', message: 'A scholarship is a percentage from 0 to 100.' },
  rubric_criterion_weight_check: { field: 'weight', message: 'A weight is a number from 0.001 to 100.' },
};

/** SQLSTATE classes, for errors straight from the `pg` driver (prepared statements bypass the ORM). */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const CHECK_VIOLATIONS = new Set(['23514', '23502']);
/** query_canceled: statement_timeout (STATEMENT_TIMEOUT_MS) cut a statement short. */
const QUERY_CANCELED = '57014';

/**
 * Values PostgreSQL refused although the API should have stopped them first (input-limits.ts and
 * the scalars do): a safety net, so that a check we missed is still the client's error, not a bug.
 */
const REFUSED_VALUES: Record<string, string> = {
  '22P05': 'A text contains a character the database cannot store (NUL).',
  '22021': 'A text contains a character the database cannot store (NUL).',
  '22008': 'A date or time is out of range.',
  '22007': 'A date or time is not valid.',
  '22003': 'A number is out of range.',
  '22001': 'A text is longer than this field takes.',
};

/**
 * The database is not there (stopped, restarting, unreachable) or gave no connection in time,
 * as opposed to refusing the statement: SQLSTATE class 08 (connection exception), 57P01–57P03
 * (shutdown, crash, starting up), socket errors, and the pool's and driver's own messages.
 */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|Timeout acquiring a connection|connect ECONNREFUSED|Client has encountered a connection error|Connection is not queryable|terminating connection due to|the database system is (starting up|shutting down|in recovery mode)|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && typeof cause === 'object' && depth < 5; depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    // AggregateError (a refused connection to each of several addresses), or a wrapped cause.
    const errors = (cause as { errors?: unknown[] }).errors;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    cause = (cause as { cause?: unknown; originalError?: unknown }).cause ?? (cause as { originalError?: unknown }).originalError;
  }
  return false;
}

export function mapDatabaseError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (!error || typeof error !== 'object') return error;
  if (isDatabaseUnavailable(error)) return serviceUnavailable();
  const constraint = (error as { constraint?: string }).constraint;
  const known = constraint ? CONSTRAINT_FIELDS[constraint] : undefined;
  const code = (error as { code?: string }).code;
  // Also when Apollo wrapped it (a statement of the request's context: "Context creation failed").
  if (code === QUERY_CANCELED || (error as { originalError?: { code?: string } }).originalError?.code === QUERY_CANCELED) {
    return new AppError(ErrorCode.QUERY_TIMEOUT, 'The database took longer than this server allows for one statement (STATEMENT_TIMEOUT_MS): ask for less, or try again later.', {
      // Apollo's status for a refusal before execution (the request's context): the server could not answer in time.
      http: { status: 503 },
    });
  }
  if (error instanceof UniqueConstraintViolationException || code === UNIQUE_VIOLATION) {
    if (known?.code) return new AppError(known.code, known.message, { field: known.field });
    return conflict(known?.message ?? 'This already exists.', known?.field);
  }
  if (error instanceof CheckConstraintViolationException || error instanceof NotNullConstraintViolationException || CHECK_VIOLATIONS.has(code ?? '')) {
    return known ? badInput(known.field, known.message) : new AppError(ErrorCode.BAD_USER_INPUT, 'The input breaks a data rule.', { constraint });
  }
  if (error instanceof ForeignKeyConstraintViolationException || code === FOREIGN_KEY_VIOLATION) {
    return conflict('This is still referenced by other records (for example by votes), or refers to something that no longer exists.');
  }
  const refused = REFUSED_VALUES[code ?? ''];
  if (refused) return new AppError(ErrorCode.BAD_USER_INPUT, refused, { field: fieldOf(error) });
  return error;
}

/** The column at fault when PostgreSQL names it (it seldom does for value errors). */
function fieldOf(error: object): string | undefined {
  const column = (error as { column?: string }).column;
  return column ? column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()) : undefined;
}
