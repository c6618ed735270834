import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { ApplicantNode } from '../../applicants/applicant.type';
import { UserNode } from '../../committees/committee.type';
import { DateTimeScalar } from '../../common/scalars';
import { DecisionConditionNode, DecisionNode } from '../../decisions/decision.type';
import { SessionEventType } from '../../events/session-event.entity';
import type { Loaders } from '../../loaders';
import { AgendaItemNode, CommentNode, ReviewSessionNode, TallyNode, VoteNode } from '../review.type';

/**
 * Live events of a review session. They carry ids and versions; their fields re-read the
 * current state through loaders shared by every subscriber of the same batch of events.
 */
@InterfaceType('SessionEvent', { resolveType: (value: LiveEvent) => value.constructor.name })
export abstract class LiveEvent {
  sessionId: string;
  applicantId: string | null;
  actorId: string | null;
  data: Record<string, string | number | boolean | null>;
  /** May the receiving viewer see the votes and tally of the event's applicant? */
  votesVisible: boolean;
  viewerId: string;
  loaders: Loaders;

  @Field(() => ID, { description: 'Pass the last one you received as `after` when you reconnect.' })
  eventId: string;

  @Field(() => SessionEventType)
  type: SessionEventType;

  @Field(() => DateTimeScalar)
  occurredAt: Date;

  @Field(() => ReviewSessionNode)
  session(): Promise<ReviewSessionNode | null> {
    return this.loaders.session.load(this.sessionId);
  }

  @Field(() => UserNode, { nullable: true, description: 'Who did it (the chair, the voter, the author...).' })
  actor(): Promise<UserNode | null> | null {
    return this.actorId ? this.loaders.user.load(this.actorId) : null;
  }

  @Field(() => ApplicantNode, { nullable: true, description: 'The applicant the event is about, if any.' })
  applicant(): Promise<ApplicantNode | null> | null {
    return this.applicantId ? this.loaders.applicant.load(this.applicantId) : null;
  }

  protected async agendaItemOf(): Promise<AgendaItemNode | null> {
    const items = await this.loaders.agendaBySession.load(this.sessionId);
    return items.find((item) => item.applicantId === this.applicantId) ?? null;
  }
}

@ObjectType({ implements: LiveEvent, description: 'The chair opened the session.' })
export class SessionOpenedEvent extends LiveEvent {}

@ObjectType({ implements: LiveEvent, description: 'The chair closed the session.' })
export class SessionClosedEvent extends LiveEvent {}

@ObjectType({ implements: LiveEvent, description: 'The committee now looks at this applicant, and voting on them is open.' })
export class CurrentApplicantChangedEvent extends LiveEvent {
  @Field(() => AgendaItemNode, { nullable: true })
  agendaItem() {
    return this.agendaItemOf();
  }
}

@ObjectType({ implements: LiveEvent, description: 'This applicant is next on the agenda: time to read their file.' })
export class ApplicantUpNextEvent extends CurrentApplicantChangedEvent {}

@ObjectType({ implements: LiveEvent, description: 'Voting on this applicant closed.' })
export class VotingClosedEvent extends CurrentApplicantChangedEvent {}

@ObjectType({ implements: LiveEvent, description: 'The chair revealed the scores on this applicant (blind mode).' })
export class ScoresRevealedEvent extends CurrentApplicantChangedEvent {}

@ObjectType({ implements: LiveEvent, description: 'A member cast or changed their vote.' })
export class VoteCastEvent extends LiveEvent {
  @Field(() => Int, { description: 'The version this event announces; `vote` shows the current one.' })
  version(): number {
    return Number(this.data.version);
  }

  @Field({ description: 'True when an earlier vote was changed.' })
  changed(): boolean {
    return this.type === SessionEventType.VOTE_CHANGED;
  }

  @Field(() => VoteNode, { nullable: true, description: 'Null while blind mode hides it from you.' })
  async vote(): Promise<VoteNode | null> {
    if (!this.votesVisible && this.actorId !== this.viewerId) return null;
    return this.loaders.vote.load(String(this.data.voteId));
  }
}

@ObjectType({ implements: LiveEvent, description: "The applicant's tally moved: sent once per batch of votes." })
export class TallyChangedEvent extends LiveEvent {
  @Field(() => TallyNode, { nullable: true, description: 'Null while you may not see it (blind mode before you vote).' })
  async tally(): Promise<TallyNode | null> {
    if (!this.votesVisible) return null;
    const item = await this.agendaItemOf();
    return item ? this.loaders.tally.load(item.dbId) : null;
  }
}

@ObjectType({ implements: LiveEvent })
export class DecisionRecordedEvent extends LiveEvent {
  @Field(() => DecisionNode, { nullable: true })
  decision() {
    return this.applicantId ? this.loaders.decisionByApplicant.load(this.applicantId) : null;
  }
}

@ObjectType({ implements: LiveEvent, description: 'The office recorded evidence for a condition of an admission decided in this session.' })
export class ConditionRecordedEvent extends LiveEvent {
  @Field(() => DecisionConditionNode, { nullable: true })
  condition() {
    return this.loaders.condition.load(String(this.data.conditionId));
  }
}

@ObjectType({ implements: LiveEvent, description: 'Every condition of an admission decided in this session is met: the admission is final.' })
export class AdmissionFinalEvent extends DecisionRecordedEvent {}

@ObjectType({ implements: LiveEvent })
export class CommentPostedEvent extends LiveEvent {
  @Field(() => CommentNode, { nullable: true })
  comment() {
    return this.loaders.comment.load(String(this.data.commentId));
  }
}

@ObjectType({ implements: LiveEvent, description: 'A member opened the session (presence).' })
export class MemberJoinedEvent extends LiveEvent {}

@ObjectType({ implements: LiveEvent, description: 'A member left the session (presence).' })
export class MemberLeftEvent extends LiveEvent {}

const CLASSES: Record<SessionEventType, new () => LiveEvent> = {
  SESSION_OPENED: SessionOpenedEvent,
  SESSION_CLOSED: SessionClosedEvent,
  CURRENT_APPLICANT_CHANGED: CurrentApplicantChangedEvent,
  APPLICANT_UP_NEXT: ApplicantUpNextEvent,
  VOTE_CAST: VoteCastEvent,
  VOTE_CHANGED: VoteCastEvent,
  TALLY_CHANGED: TallyChangedEvent,
  VOTING_CLOSED: VotingClosedEvent,
  SCORES_REVEALED: ScoresRevealedEvent,
  DECISION_RECORDED: DecisionRecordedEvent,
  COMMENT_POSTED: CommentPostedEvent,
  MEMBER_JOINED: MemberJoinedEvent,
  MEMBER_LEFT: MemberLeftEvent,
  CONDITION_RECORDED: ConditionRecordedEvent,
  ADMISSION_FINAL: AdmissionFinalEvent,
};

export function liveEventClass(type: SessionEventType): new () => LiveEvent {
  return CLASSES[type];
}

/** Every concrete event type, for `buildSchema({ orphanedTypes })`. */
export const LIVE_EVENT_TYPES = [...new Set(Object.values(CLASSES))];
