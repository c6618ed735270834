import { Entity, Enum, Index, ManyToOne, Ref, Unique } from '@mikro-orm/core';
import { User } from '../auth/user.entity';
import { BaseEntity } from '../db/base.entity';
import { Committee } from './committee.entity';

export enum SeatRole {
  CHAIR = 'CHAIR',
  MEMBER = 'MEMBER',
}

@Entity()
@Unique({ properties: ['committee', 'user'] })
@Index({ properties: ['user'] })
export class CommitteeMember extends BaseEntity {
  @ManyToOne(() => Committee, { ref: true, deleteRule: 'cascade' })
  committee: Ref<Committee>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  @Enum({ items: () => SeatRole })
  role: SeatRole;
}
