import type { Context } from '../context';
import { CAPS, ensureRoom, INPUT_CAPS, requireAtMost } from '../common/caps';
import { User, UserRole } from '../auth/user.entity';
import { findByGlobalId } from '../common/entity-lookup';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { fromGlobalId } from '../common/global-id';
import { ConnectionArgs, Page, pageRequest } from '../common/pagination';
import { announceSeatRemoved } from '../events/access-changes';
import { inTransaction } from '../common/transaction';
import { optionalText, requireEmail, requireText } from '../common/validation';
import { Program } from '../programs/program.entity';
import { watchAgendas } from '../reviews/agenda.guard';
import { Vote } from '../reviews/vote.entity';
import { CommitteeMember, SeatRole } from './committee-member.entity';
import { Committee } from './committee.entity';
import { COMMITTEE_ORDERING, committeePage, USER_ORDERING, userPage } from './committee.queries';
import { CommitteeNode, UserNode } from './committee.type';
import type { EntityManager } from '@mikro-orm/postgresql';

export async function createUser(ctx: Context, input: { email: string; name: string; role: UserRole; institution?: string | null }): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const email = requireEmail('email', input.email);
    if (await em.count(User, { email })) throw conflict('A user with this email exists.', 'email');
    const user = em.create(User, { email, name: requireText('name', input.name), role: input.role, institution: optionalText('institution', input.institution, 300) });
    return user.id;
  });
}

async function programsFor(em: EntityManager, programIds: string[]): Promise<Program[]> {
  requireAtMost('programIds', programIds, INPUT_CAPS.programsPerCommittee);
  return Promise.all(programIds.map((id, i) => findByGlobalId(em, Program, 'Program', id, `programIds[${i}]`)));
}

export async function createCommittee(ctx: Context, name: string, programIds: string[]): Promise<string> {
  return inTransaction(ctx, async (em) => {
    if (programIds.length === 0) throw badInput('programIds', 'A committee reviews at least one program.');
    const committee = em.create(Committee, { name: requireText('name', name) });
    committee.programs.set(await programsFor(em, programIds));
    return committee.id;
  });
}

export async function updateCommittee(ctx: Context, id: string, name?: string | null, programIds?: string[] | null): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const committee = await findByGlobalId(em, Committee, 'Committee', id, 'id');
    if (name !== undefined && name !== null) committee.name = requireText('name', name);
    if (programIds) {
      if (programIds.length === 0) throw badInput('programIds', 'A committee reviews at least one program.');
      // A program taken away must leave none of its applicants on this committee's open agendas.
      const agendas = await watchAgendas(em, { committeeIds: [committee.id] });
      await committee.programs.init();
      committee.programs.set(await programsFor(em, programIds));
      await agendas.assertStillStand('programIds');
    }
    return committee.id;
  });
}

/** Seats are for committee members (users with that role); an officer or reporter cannot vote. */
export async function addMember(ctx: Context, committeeId: string, userId: string, role: SeatRole): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const committee = await findByGlobalId(em, Committee, 'Committee', committeeId, 'committeeId');
    const user = await findByGlobalId(em, User, 'User', userId, 'userId');
    if (user.role !== UserRole.COMMITTEE_MEMBER) throw badInput('userId', `${user.email} is not a committee member (role ${user.role}).`);
    if (await em.count(CommitteeMember, { committee, user })) throw conflict('This user already sits on this committee.', 'userId');
    await ensureRoom(em, CAPS.seatsPerCommittee, committee, () => em.count(CommitteeMember, { committee }));
    const seat = em.create(CommitteeMember, { committee, user, role });
    return seat.id;
  });
}

export async function removeMember(ctx: Context, committeeId: string, userId: string): Promise<string> {
  return inTransaction(ctx, async (em, events) => {
    const committee = await findByGlobalId(em, Committee, 'Committee', committeeId, 'committeeId');
    const user = fromGlobalId('User', userId, 'userId');
    const seat = await em.findOne(CommitteeMember, { committee, user });
    if (!seat) throw notFound('Seat of user', userId, 'userId');
    const votes = await em.count(Vote, { member: user, session: { committee } });
    if (votes > 0) throw conflict('This member has votes in sessions of this committee; their seat stays for the record.', 'userId');
    em.remove(seat);
    // Their open subscriptions to this committee's sessions end, in every process.
    await announceSeatRemoved(em, events, committee.id, user);
    return committee.id;
  });
}

export async function listCommittees(ctx: Context, args: ConnectionArgs): Promise<Page<CommitteeNode>> {
  if (ctx.user?.role === UserRole.REPORTER) throw forbidden('Reporters read aggregates only.');
  return committeePage(ctx.db, ctx.access.isOfficer ? null : ctx.user!.id, pageRequest(args, COMMITTEE_ORDERING));
}

/** Officers only (the resolver's role check): the list holds every user's e-mail. */
export function listUsers(ctx: Context, args: ConnectionArgs): Promise<Page<UserNode>> {
  return userPage(ctx.db, pageRequest(args, USER_ORDERING));
}

export async function getCommittee(ctx: Context, globalId: string): Promise<CommitteeNode> {
  const committee = await ctx.loaders.committee.load(fromGlobalId('Committee', globalId));
  if (!committee) throw notFound('Committee', globalId);
  if (!ctx.access.isOfficer && !(await memberOf(ctx, committee.dbId))) throw forbidden('You do not sit on this committee.');
  return committee;
}

async function memberOf(ctx: Context, committeeId: string): Promise<boolean> {
  const members = await ctx.loaders.membersByCommittee.load(committeeId);
  return members.some((m) => m.userId === ctx.user?.id);
}
