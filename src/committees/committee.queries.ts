import type { Knex } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
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

export async function allUsers(db: Knex): Promise<UserNode[]> {
  return (await db('app_user').orderBy(['role', 'email'])).map(toUser);
}

export async function committeesById(db: Knex, ids: readonly string[]): Promise<CommitteeNode[]> {
  return (await db('committee').whereIn('id', ids)).map(toCommittee);
}

/** Officers see every committee; a member sees the committees they sit on. */
export async function committeesVisibleTo(db: Knex, memberId: string | null): Promise<CommitteeNode[]> {
  const q = db('committee as c').select('c.*').orderBy('c.name');
  if (memberId) q.join('committee_member as cm', 'cm.committee_id', 'c.id').where('cm.user_id', memberId);
  return (await q).map(toCommittee);
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
