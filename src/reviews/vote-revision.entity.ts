import { Entity, Enum, ManyToOne, Opt, Property, Ref, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Recommendation, Vote } from './vote.entity';

/** Every version of every vote, kept so the committee can see how a vote moved once scores are revealed. */
@Entity()
@Unique({ properties: ['vote', 'version'] })
export class VoteRevision extends BaseEntity {
  @ManyToOne(() => Vote, { ref: true, deleteRule: 'cascade' })
  vote: Ref<Vote>;

  @Property({ type: 'integer' })
  version: number;

  @Enum({ items: () => Recommendation })
  recommendation: Recommendation;

  @Property({ type: 'smallint' })
  confidence: number;

  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Property({ type: 'smallint', nullable: true })
  proposedScholarship?: number | null;

  /** criterion id → score, as cast in this version. */
  @Property({ type: 'json' })
  scores: Record<string, number> & Opt;
}
