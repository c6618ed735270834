import {
  CheckConstraintViolationException,
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { AppError, badInput, conflict, ErrorCode } from './errors';

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

export function mapDatabaseError(error: unknown): unknown {
  if (error instanceof AppError) return error;
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
  return error;
}
