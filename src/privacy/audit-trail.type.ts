import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AuditKind } from '../audit/audit-event.entity';
import { connectionTypes } from '../common/pagination';
import { DateTimeScalar, JSONObjectScalar } from '../common/scalars';

@ObjectType('AuditEvent', { description: 'One entry of the audit trail; entries are never changed (erasure only blanks the personal data in them).' })
export class AuditEventNode {
  actorId: string | null;

  @Field(() => ID)
  id: string;

  @Field(() => DateTimeScalar)
  occurredAt: Date;

  @Field(() => AuditKind)
  kind: AuditKind;

  @Field({ description: 'The mutation or query fields (`recordDecision`, `applicants,node`), or `signIn`, `signOut`, `retentionSweep`; `database` for a change made outside the API.' })
  action: string;

  @Field(() => String, { nullable: true, description: 'The request id, as in the server log.' })
  requestId: string | null;

  @Field(() => ID, { nullable: true, description: "Shared by a mutation's entry and the changes it made." })
  operationId: string | null;

  @Field(() => [ID], { description: 'The applicants concerned (global IDs).' })
  applicantIds: string[];

  @Field(() => String, { nullable: true, description: '`OK`, or the code the mutation was refused with.' })
  outcome: string | null;

  @Field(() => String, { nullable: true, description: 'CHANGE entries: the table changed.' })
  table: string | null;

  @Field(() => String, { nullable: true, description: 'CHANGE entries: INSERT, UPDATE or DELETE.' })
  operation: string | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'CHANGE entries: the row before (null for an insert).' })
  before: Record<string, unknown> | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'CHANGE entries: the row after (null for a delete).' })
  after: Record<string, unknown> | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: "A mutation's arguments (secrets left out), a sign-in's method, an erasure's counts." })
  details: Record<string, unknown> | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When an erasure blanked before, after and details.' })
  redactedAt: Date | null;
}

export const { Connection: AuditEventConnection } = connectionTypes(AuditEventNode, 'AuditEvent');

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Entries about this applicant.' })
  applicantId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Entries of what this user did.' })
  userId?: string | null;

  @Field(() => [AuditKind], { nullable: true })
  kinds?: AuditKind[] | null;

  @Field(() => DateTimeScalar, { nullable: true })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  to?: Date | null;
}
