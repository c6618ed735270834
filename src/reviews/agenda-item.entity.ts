import { Check, Entity, Enum, Index, ManyToOne, Opt, Property, Ref, Unique } from '@mikro-orm/core';
import { Applicant } from '../applicants/applicant.entity';
import { BaseEntity } from '../db/base.entity';
import { ReviewSession } from './review-session.entity';

export enum VotingStatus {
  PENDING = 'PENDING',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

@Entity()
@Unique({ properties: ['session', 'applicant'] })
@Index({ properties: ['applicant'] })
@Check({ name: 'agenda_item_position_check', expression: 'position >= 0' })
export class AgendaItem extends BaseEntity {
  @ManyToOne(() => ReviewSession, { ref: true, deleteRule: 'cascade' })
  session: Ref<ReviewSession>;

  @ManyToOne(() => Applicant, { ref: true, deleteRule: 'restrict' })
  applicant: Ref<Applicant>;

  @Property({ type: 'integer' })
  position: number;

  @Enum({ items: () => VotingStatus, default: VotingStatus.PENDING })
  votingStatus: VotingStatus & Opt = VotingStatus.PENDING;

  /** Set by the chair in blind mode; everyone on the committee (not conflicted) then sees the scores. */
  @Property({ type: 'boolean', default: false })
  scoresRevealed: boolean & Opt = false;

  @Property({ type: 'datetime', nullable: true })
  votingOpenedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  votingClosedAt?: Date | null;
}
