import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { OFFICER } from '../auth/roles';
import type { Context } from '../context';
import { committeeWork, decisionsPerDay } from './activity.queries';
import { scoresCsv } from './export.queries';
import { funnel } from './funnel.queries';
import { applicantMix } from './mix.queries';
import { reportScope } from './report-scope';
import {
  AgreementMetric,
  Calibration,
  CommitteeWork,
  DecisionDay,
  FunnelDimension,
  FunnelRow,
  MixDimension,
  MixRow,
  ReportFilter,
  ScoringGroup,
  ScoringRow,
} from './report.types';
import { calibration, scoring } from './scoring.queries';

/**
 * Aggregates for admissions offices and reporting tools, each computed by PostgreSQL in one or
 * a few statements. Officers and reporters read them for everything (reporters: votes only once
 * voting closed, no names, no cell resting on fewer than REPORT_MIN_VOTES votes); members for
 * their own committees, within what they may see of votes (report-scope.ts).
 */
@Authorized()
@Resolver()
export class ReportingResolver {
  @Query(() => [FunnelRow], {
    description: 'Registered → complete → scheduled → reviewed → decided → admitted → final (every condition met), with outcomes, admit rate, conditions and where they stand, scholarships.',
  })
  async funnelReport(
    @Ctx() ctx: Context,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter?: ReportFilter,
    @Arg('groupBy', () => [FunnelDimension], { defaultValue: [FunnelDimension.INTAKE, FunnelDimension.PROGRAM] }) groupBy: FunnelDimension[] = [],
  ) {
    return funnel(ctx.db, await reportScope(ctx, filter), groupBy);
  }

  @Query(() => [MixRow], { description: 'Applicants by route, grade band, English path, visa requirement or nationality.' })
  async applicantMixReport(
    @Arg('dimension', () => MixDimension) dimension: MixDimension,
    @Ctx() ctx: Context,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter?: ReportFilter,
  ) {
    return applicantMix(ctx.db, await reportScope(ctx, filter), dimension);
  }

  @Query(() => [ScoringRow], { description: "Score statistics per program or session, with Krippendorff's alpha between reviewers." })
  async scoringReport(
    @Ctx() ctx: Context,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter?: ReportFilter,
    @Arg('by', () => ScoringGroup, { defaultValue: ScoringGroup.PROGRAM }) by: ScoringGroup = ScoringGroup.PROGRAM,
    @Arg('metric', () => AgreementMetric, { defaultValue: AgreementMetric.ORDINAL }) metric: AgreementMetric = AgreementMetric.ORDINAL,
  ) {
    return scoring(ctx.db, await reportScope(ctx, filter), by, metric);
  }

  @Query(() => Calibration, { description: 'Reviewer severity, normalised scores, and applicants by disagreement.' })
  async calibrationReport(@Ctx() ctx: Context, @Arg('filter', () => ReportFilter, { nullable: true }) filter?: ReportFilter) {
    return calibration(ctx.db, await reportScope(ctx, filter));
  }

  @Query(() => CommitteeWork)
  async committeeWorkReport(@Ctx() ctx: Context, @Arg('filter', () => ReportFilter, { nullable: true }) filter?: ReportFilter) {
    return committeeWork(ctx.db, await reportScope(ctx, filter));
  }

  @Query(() => [DecisionDay], { description: 'Decisions per day over the range (default: first to last decision), zeros included.' })
  async decisionsPerDay(@Ctx() ctx: Context, @Arg('filter', () => ReportFilter, { nullable: true }) filter?: ReportFilter) {
    return decisionsPerDay(ctx.db, await reportScope(ctx, filter));
  }

  @Authorized(OFFICER)
  @Query(() => String, { description: 'Raw per-criterion scores as CSV (officers), built in memory. Large exports: GET /reports/scores.csv with the same filter, streamed.' })
  async scoresCsv(@Ctx() ctx: Context, @Arg('filter', () => ReportFilter, { nullable: true }) filter?: ReportFilter) {
    return scoresCsv(ctx.db, await reportScope(ctx, filter), (ids) => ids.forEach((id) => ctx.audit.read(id)));
  }
}
