import { Check, Entity, Enum, Index, ManyToOne, Opt, Property, Ref } from '@mikro-orm/core';
import { Committee } from '../committees/committee.entity';
import { BaseEntity } from '../db/base.entity';
import { ReviewWeek } from '../intakes/review-week.entity';
import { AgendaItem } from './agenda-item.entity';

export enum SessionStatus {
  SCHEDULED = 'SCHEDULED',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

@Entity()
@Index({ properties: ['committee'] })
@Index({ properties: ['week'] })
@Check({ name: 'review_session_time_check', expression: 'ends_at > starts_at' })
export class ReviewSession extends BaseEntity {
  @ManyToOne(() => Committee, { ref: true, deleteRule: 'restrict' })
  committee: Ref<Committee>;

  @ManyToOne(() => ReviewWeek, { ref: true, deleteRule: 'restrict' })
  week: Ref<ReviewWeek>;

  @Property({ type: 'text' })
  title: string;

  @Property({ type: 'datetime' })
  startsAt: Date;

  @Property({ type: 'datetime' })
  endsAt: Date;

  @Enum({ items: () => SessionStatus, default: SessionStatus.SCHEDULED })
  status: SessionStatus & Opt = SessionStatus.SCHEDULED;

  /** Blind mode: members see no one else's vote until they vote or the chair reveals. */
  @Property({ type: 'boolean', default: true })
  blind: boolean & Opt = true;

  /** The applicant the chair has the committee looking at, like a meeting tracker. */
  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'set null' })
  currentItem?: Ref<AgendaItem> | null;

  @Property({ type: 'datetime', nullable: true })
  openedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;
}
