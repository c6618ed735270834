import type { Knex } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
import { keysetPage, ordering, Page, PageRequest, toPage } from '../common/pagination';
import { CommitteeMemberNode, CommitteeNode, UserNode } from './committee.type';

export function toUser(row: any): UserNode {
  return Object.assign(new UserNode(), {
    id: toGlobalId('User', row.id),
    dbId: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    institution: row.institution,
  });
}

function toCommittee(row: any): CommitteeNode {
  return Object.assign(new CommitteeNode(), { id: toGlobalId('Committee', row.id), dbId: row.id, name: row.name });
}

function toMember(row: any): CommitteeMemberNode {
  return Object.assign(new CommitteeMemberNode(), {
    id: toGlobalId('CommitteeMember', row.id),
    dbId: row.id,
    committeeId: row.committee_id,
    userId: row.user_id,
    role: row.role,
  });
}

export async function usersById(db: Knex, ids: readonly string[]): Promise<UserNode[]> {
  return (await db('app_user').whereIn('id', ids)).map(toUser);
}

/** By name; the id breaks ties (two people may share a name). */
export const USER_ORDERING = ordering('users', 'name', 'asc', [{ sql: 'u.name', type: 'text' }, { sql: 'u.id', type: 'uuid' }]);

export async function userPage(db: Knex, page: PageRequest): Promise<Page<UserNode>> {
  return toPage(await keysetPage(db, db('app_user as u').select('u.*'), page), toUser);
}

export async function committeesById(db: Knex, ids: readonly string[]): Promise<CommitteeNode[]> {
  return (await db('committee').whereIn('id', ids)).map(toCommittee);
}

/** By name; the id breaks ties. */
export const COMMITTEE_ORDERING = ordering('committees', 'name', 'asc', [{ sql: 'c.name', type: 'text' }, { sql: 'c.id', type: 'uuid' }]);

/** A page of committees: every one (`memberId` null, for officers), or those the member sits on. */
export async function committeePage(db: Knex, memberId: string | null, page: PageRequest): Promise<Page<CommitteeNode>> {
  const q = db('committee as c').select('c.*');
  if (memberId) q.whereExists(db('committee_member as cm').whereRaw('cm.committee_id = c.id').where('cm.user_id', memberId).select(db.raw('1')));
  return toPage(await keysetPage(db, q, page), toCommittee);
}

export async function membersById(db: Knex, ids: readonly string[]): Promise<CommitteeMemberNode[]> {
  return (await db('committee_member').whereIn('id', ids)).map(toMember);
}

export async function membersByCommittee(db: Knex, committeeIds: readonly string[]): Promise<CommitteeMemberNode[]> {
  return (await db('committee_member').whereIn('committee_id', committeeIds).orderBy(['role', 'created_at'])).map(toMember);
}

export async function programIdsByCommittee(db: Knex, committeeIds: readonly string[]): Promise<{ committeeId: string; programId: string }[]> {
  const rows = await db('committee_program').whereIn('committee_id', committeeIds);
  return rows.map((r: any) => ({ committeeId: r.committee_id, programId: r.program_id }));
}
