import { Entity, Enum, Index, ManyToOne, Property, Ref } from '@mikro-orm/core';
import { Applicant } from '../applicants/applicant.entity';
import { User } from '../auth/user.entity';
import { BaseEntity } from '../db/base.entity';
import { ReviewSession } from './review-session.entity';

export enum CommentVisibility {
  /** Everyone on the committee (not conflicted with the applicant) and officers. */
  COMMITTEE = 'COMMITTEE',
  /** The chairs of the committee and officers (and the author). */
  CHAIR_AND_OFFICERS = 'CHAIR_AND_OFFICERS',
  /** A note to oneself. */
  PRIVATE = 'PRIVATE',
}

@Entity({ tableName: 'session_comment' })
@Index({ properties: ['session', 'applicant'] })
export class SessionComment extends BaseEntity {
  @ManyToOne(() => ReviewSession, { ref: true, deleteRule: 'cascade' })
  session: Ref<ReviewSession>;

  @ManyToOne(() => Applicant, { ref: true, deleteRule: 'cascade' })
  applicant: Ref<Applicant>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  author: Ref<User>;

  @Enum({ items: () => CommentVisibility })
  visibility: CommentVisibility;

  @Property({ type: 'text' })
  body: string;
}
