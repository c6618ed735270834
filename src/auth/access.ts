import type { Knex } from '@mikro-orm/postgresql';
import { SeatRole } from '../committees/committee-member.entity';
import { effectiveConflicts } from '../conflicts/conflict.queries';
import type { SignInMethod } from './auth-session.entity';
import { UserRole } from './user.entity';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** The sign-in session the credential belongs to; null for a bearer token of the identity provider. */
  sessionId?: string | null;
  /** When the credential stops being valid (the session's end, a bearer token's expiry): live sockets close then, with 4401. */
  expiresAt?: Date;
  /** How the session was opened. */
  signInMethod?: SignInMethod;
}

export interface Seat {
  sessionId: string;
  committeeId: string;
  role: SeatRole;
  blind: boolean;
}

/**
 * What the current viewer may see, loaded at most once per operation: the review sessions
 * they sit on and the applicants they are conflicted with. Row-level rules in services and
 * loaders ask this object, so the rules live in one place.
 */
export class Access {
  private seatsPromise?: Promise<Map<string, Seat>>;
  private conflictsPromise?: Promise<Set<string>>;

  constructor(
    private readonly db: Knex,
    readonly user: AuthUser | null,
  ) {}

  get isOfficer(): boolean {
    return this.user?.role === UserRole.OFFICER;
  }

  /** Sessions of committees the viewer sits on, keyed by session id. */
  seats(): Promise<Map<string, Seat>> {
    if (!this.seatsPromise) {
      this.seatsPromise = this.user
        ? this.db('review_session as s')
            .join('committee_member as cm', 'cm.committee_id', 's.committee_id')
            .where('cm.user_id', this.user.id)
            .select('s.id', 's.committee_id', 's.blind', 'cm.role')
            .then((rows: any[]) => new Map(rows.map((r) => [r.id, { sessionId: r.id, committeeId: r.committee_id, role: r.role, blind: r.blind }])))
        : Promise.resolve(new Map());
    }
    return this.seatsPromise;
  }

  /** Applicants the viewer has a conflict of interest with (declared or detected, not cleared). */
  conflictedApplicantIds(): Promise<Set<string>> {
    if (!this.conflictsPromise) {
      this.conflictsPromise = this.user
        ? effectiveConflicts(this.db, { userIds: [this.user.id] }).then((rows) => new Set(rows.map((r) => r.applicantId)))
        : Promise.resolve(new Set());
    }
    return this.conflictsPromise;
  }
}
