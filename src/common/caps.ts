import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, badInput, ErrorCode } from './errors';

/**
 * How many children a record may hold, for the lists the API returns whole (not as pages). The
 * query cost analysis counts each such list at its cap (server/limits/list-sizes.ts), so a cap is
 * only honest if every writer that adds a child keeps to it: they call ensureRoom before adding.
 */
export interface Cap {
  /** Named in the refusal's `extensions.limit`. */
  limit: string;
  max: number;
  /** The argument the refusal names. */
  field: string;
  /** What is counted; the refusal adds the maximum. */
  what: string;
}

export const CAPS = {
  seatsPerCommittee: { limit: 'seatsPerCommittee', max: 25, field: 'userId', what: 'Seats on one committee' },
  itemsPerAgenda: { limit: 'itemsPerAgenda', max: 100, field: 'sessionId', what: 'Applicants on one session’s agenda' },
  agendasPerApplicant: { limit: 'agendasPerApplicant', max: 5, field: 'applicantId', what: 'Agendas one applicant is on (an intake has four review weeks)' },
  commentsPerAgendaItem: { limit: 'commentsPerAgendaItem', max: 200, field: 'applicantId', what: 'Comments on one applicant in one session' },
  referencesPerApplicant: { limit: 'referencesPerApplicant', max: 10, field: 'applicantId', what: 'References of one applicant' },
  documentsPerApplicant: { limit: 'documentsPerApplicant', max: 20, field: 'applicantId', what: 'Documents of one applicant' },
  weeksPerIntake: { limit: 'weeksPerIntake', max: 10, field: 'intakeId', what: 'Review weeks of one intake' },
  sessionsPerWeek: { limit: 'sessionsPerWeek', max: 20, field: 'weekId', what: 'Sessions in one review week' },
  portfolioItemsPerApplicant: { limit: 'portfolioItemsPerApplicant', max: 20, field: 'applicantId', what: 'Items in one portfolio' },
} as const satisfies Record<string, Cap>;

/**
 * Refuses a write that would give `parent` more children than the cap, as LIMIT_EXCEEDED with the
 * field, the limit and its maximum. The parent row is locked first, in the writer's transaction,
 * so two writers cannot both take the last place.
 */
export async function ensureRoom(em: EntityManager, cap: Cap, parent: { id: string }, countChildren: () => Promise<number>): Promise<void> {
  // FOR NO KEY UPDATE: writers of the same parent wait for each other, while rows that merely
  // reference it (a vote on the applicant, a seat's foreign key check) do not wait for this one.
  const meta = em.getMetadata().get(parent.constructor.name);
  await em.execute(`select 1 from ${em.getPlatform().quoteIdentifier(meta.tableName)} where id = ? for no key update`, [parent.id]);
  const refusal = capRefusal(cap, (await countChildren()) + 1);
  if (refusal) throw refusal;
}

/** For policies that see the whole list a write would leave: the refusal when it holds more than the cap. */
export function capRefusal(cap: Cap, count: number): AppError | null {
  return count > cap.max ? new AppError(ErrorCode.LIMIT_EXCEEDED, `${cap.what}: at most ${cap.max}.`, { field: cap.field, limit: cap.limit, max: cap.max }) : null;
}

/** The same bound on a list given whole in one input (a rubric, a committee's programs): BAD_USER_INPUT on the field. */
export function requireAtMost<T>(field: string, values: readonly T[], max: number): readonly T[] {
  if (values.length > max) throw badInput(field, `At most ${max} items (got ${values.length}).`);
  return values;
}

export const INPUT_CAPS = {
  programsPerCommittee: 20,
  criteriaPerRubric: 10,
  coursesPerProgram: 20,
  englishCertificates: 10,
} as const;
