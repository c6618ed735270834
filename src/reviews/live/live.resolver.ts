import { Arg, Authorized, ID, Resolver, Root, Subscription } from 'type-graphql';
import { REVIEWERS } from '../../auth/roles';
import type { Context } from '../../context';
import { TallyNode } from '../review.type';
import * as live from './live.service';
import { LiveEvent } from './session-event.type';

/**
 * Subscriptions over graphql-ws, on the same path as HTTP. The token is checked when the socket
 * connects and each subscription checks the viewer's seat; every event is then filtered for the
 * viewer (conflicts, blind mode, comment visibility) before it is sent.
 */
@Authorized(REVIEWERS)
@Resolver()
export class LiveResolver {
  @Subscription(() => LiveEvent, {
    description: 'Everything that happens in a session. With `after` (the last eventId you saw), first every event you missed, in order.',
    subscribe: ({ args, context }) => live.sessionEvents(context as Context, args.sessionId, args.after),
  })
  sessionEvents(
    @Root() event: LiveEvent,
    @Arg('sessionId', () => ID) _sessionId: string,
    @Arg('after', () => ID, { nullable: true }) _after?: string | null,
  ): LiveEvent {
    return event;
  }

  @Subscription(() => TallyNode, {
    nullable: true,
    description: 'The live tally of one applicant: now, then after every change. Null while you may not see it.',
    subscribe: ({ args, context }) => live.applicantTally(context as Context, args.sessionId, args.applicantId),
  })
  applicantTally(
    @Root() tally: TallyNode | null,
    @Arg('sessionId', () => ID) _sessionId: string,
    @Arg('applicantId', () => ID) _applicantId: string,
  ): TallyNode | null {
    return tally;
  }

  @Subscription(() => LiveEvent, {
    description:
      'Tells you when an applicant you are to review is next on the agenda, in any session you sit on. With `after` (the last eventId you saw), first what you missed.',
    subscribe: ({ args, context }) => live.reviewerNotifications(context as Context, args.after),
  })
  reviewerNotifications(@Root() event: LiveEvent, @Arg('after', () => ID, { nullable: true }) _after?: string | null): LiveEvent {
    return event;
  }
}
