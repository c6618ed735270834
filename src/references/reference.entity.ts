import { Check, Entity, Enum, Index, ManyToOne, Opt, Property, Ref, Unique } from '@mikro-orm/core';
import { Applicant } from '../applicants/applicant.entity';
import { BaseEntity } from '../db/base.entity';

export enum ReferenceStatus {
  REQUESTED = 'REQUESTED',
  RECEIVED = 'RECEIVED',
}

@Entity({ tableName: 'reference_letter' })
@Index({ properties: ['applicant'] })
/** One letter per referee per applicant (emails are stored lower-cased). */
@Unique({ name: 'reference_letter_applicant_referee_unique', properties: ['applicant', 'refereeEmail'] })
@Check({ name: 'reference_letter_email_lower_check', expression: 'referee_email = lower(referee_email)' })
@Check({ name: 'reference_letter_received_check', expression: "(status = 'RECEIVED') = (received_at is not null)" })
export class ReferenceLetter extends BaseEntity {
  @ManyToOne(() => Applicant, { ref: true, deleteRule: 'cascade' })
  applicant: Ref<Applicant>;

  @Property({ type: 'text' })
  refereeName: string;

  @Property({ type: 'text' })
  refereeEmail: string;

  @Property({ type: 'text' })
  refereeInstitution: string;

  /** Only academic letters count towards a program's minimum. */
  @Property({ type: 'boolean' })
  academic: boolean;

  @Enum({ items: () => ReferenceStatus, default: ReferenceStatus.REQUESTED })
  status: ReferenceStatus & Opt = ReferenceStatus.REQUESTED;

  @Property({ type: 'datetime', nullable: true })
  receivedAt?: Date | null;
}
