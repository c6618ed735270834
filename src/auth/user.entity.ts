import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';

/** Office-wide role. Chairing is per committee (see CommitteeMember.role). */
export enum UserRole {
  OFFICER = 'OFFICER',
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
  REPORTER = 'REPORTER',
}

@Entity({ tableName: 'app_user' })
export class User extends BaseEntity {
  @Unique()
  @Property({ type: 'text' })
  email: string;

  @Property({ type: 'text' })
  name: string;

  @Enum({ items: () => UserRole })
  role: UserRole;

  /** A member's own institution: used to detect conflicts with applicants from it. */
  @Property({ type: 'text', nullable: true })
  institution?: string | null;

  /**
   * Every sign-in of this user before this instant is void: their sessions are revoked, and
   * bearer tokens from the identity provider issued (`iat`) before it are refused.
   */
  @Property({ type: 'datetime', nullable: true })
  credentialsRevokedAt?: Date | null;
}
