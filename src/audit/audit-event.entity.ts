import { ArrayType, Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';

export enum AuditKind {
  /** Applicants' files read by one request or one live event (one row, every applicant read). */
  READ = 'READ',
  /** A GraphQL mutation, with its arguments (secrets left out) and its outcome. */
  MUTATION = 'MUTATION',
  /** A row of an applicant's data inserted, updated or deleted: before and after, written by a trigger. */
  CHANGE = 'CHANGE',
  /** Everything held on an applicant exported (subject access). */
  EXPORT = 'EXPORT',
  /** An applicant's personal data erased. */
  ERASURE = 'ERASURE',
  SIGN_IN = 'SIGN_IN',
  SIGN_OUT = 'SIGN_OUT',
}

/**
 * The audit trail. Append-only: a trigger (audit.routines.ts) refuses UPDATE, DELETE and
 * TRUNCATE from any role, with one exception — erasing an applicant blanks the personal data
 * (before, after, details) of the entries about them, once, keeping who, when and what.
 */
@Entity({ tableName: 'audit_event' })
@Index({ name: 'audit_event_applicant_ids_index', expression: 'create index "audit_event_applicant_ids_index" on "audit_event" using gin ("applicant_ids")' })
@Index({ name: 'audit_event_actor_index', properties: ['actorId', 'id'] })
@Index({ name: 'audit_event_operation_index', properties: ['operationId'] })
export class AuditEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id: string & Opt;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt: Date & Opt;

  @Enum({ items: () => AuditKind })
  kind: AuditKind;

  /** The mutation or query field (`recordDecision`), or what happened (`signIn`, `retentionSweep`). */
  @Property({ type: 'text' })
  action: string;

  /** Null: the server itself (the retention sweep, start-up, a migration). */
  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  /** The request's id, as in the server log. */
  @Property({ type: 'text', nullable: true })
  requestId?: string | null;

  /** One mutation: its MUTATION row and the CHANGE rows its transaction wrote share this id. */
  @Property({ type: 'uuid', nullable: true })
  operationId?: string | null;

  @Property({ type: ArrayType, columnType: 'uuid[]', default: '{}' })
  applicantIds: string[] & Opt;

  /** `OK`, or the error code a mutation was refused with. */
  @Property({ type: 'text', nullable: true })
  outcome?: string | null;

  /** CHANGE rows: the table and the operation. */
  @Property({ type: 'text', nullable: true })
  tableName?: string | null;

  @Property({ type: 'text', nullable: true })
  operation?: string | null;

  @Property({ type: 'json', nullable: true })
  before?: Record<string, unknown> | null;

  @Property({ type: 'json', nullable: true })
  after?: Record<string, unknown> | null;

  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;

  /** Set when an erasure blanked before, after and details. */
  @Property({ type: 'datetime', nullable: true })
  redactedAt?: Date | null;
}
