import { UserRole } from './user.entity';

/** Role lists for `@Authorized(...)`, named by what they allow. */
export const OFFICER = [UserRole.OFFICER];
export const REVIEWERS = [UserRole.OFFICER, UserRole.COMMITTEE_MEMBER];
export const ANY_ROLE: UserRole[] = [];
