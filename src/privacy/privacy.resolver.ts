import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ApplicantNode } from '../applicants/applicant.type';
import { OFFICER } from '../auth/roles';
import { UserNode } from '../committees/committee.type';
import { reload } from '../common/loader';
import { ConnectionArgs } from '../common/pagination';
import { JSONObjectScalar } from '../common/scalars';
import type { Context } from '../context';
import { AuditEventConnection, AuditEventNode, AuditFilter } from './audit-trail.type';
import * as privacy from './privacy.service';

@ArgsType()
class AuditEventsArgs extends ConnectionArgs {
  @Field(() => AuditFilter, { nullable: true })
  filter?: AuditFilter;
}

@ObjectType('RetentionSweep')
class RetentionSweepResult {
  @Field(() => Int, { description: 'Applicants past retention and not yet erased, before this sweep.' })
  due: number;

  @Field(() => Int)
  erased: number;

  @Field(() => Int, { description: 'Due, but on the agenda of a session still open: erased once it closes.' })
  waiting: number;
}

/** The audit trail and data protection (README "Audit trail", "Data protection"): officers only. */
@Authorized(OFFICER)
@Resolver(() => AuditEventNode)
export class PrivacyResolver {
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first: by applicant, by user, by kind and time.' })
  auditEvents(@Args() args: AuditEventsArgs, @Ctx() ctx: Context) {
    return privacy.auditTrail(ctx, args.filter, args);
  }

  @FieldResolver(() => UserNode, { nullable: true, description: 'Who acted; null for the server itself (the retention sweep, changes made outside the API).' })
  actor(@Root() event: AuditEventNode, @Ctx() ctx: Context) {
    return event.actorId ? ctx.loaders.user.load(event.actorId) : null;
  }

  @Query(() => JSONObjectScalar, { description: 'Everything held on one applicant (subject access), as JSON. Recorded in the audit trail.' })
  applicantDataExport(@Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return privacy.applicantDataExport(ctx, applicantId);
  }

  @Mutation(() => ApplicantNode, { description: "Erases an applicant's personal data now (a data subject's request), keeping what statistics need." })
  async eraseApplicant(@Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.applicant, await privacy.eraseApplicant(ctx, applicantId));
  }

  @Mutation(() => RetentionSweepResult, { description: 'Erases every applicant past their intake\'s retention (the server also does it every RETENTION_SWEEP_HOURS).' })
  eraseExpiredApplicants(@Arg('dryRun', { defaultValue: false, description: 'Only count them.' }) dryRun: boolean, @Ctx() ctx: Context) {
    return privacy.eraseExpiredApplicants(ctx, dryRun);
  }
}
