import './graphql-enums';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { createLogger, Logger } from './logger';
import { ApplicantResolver } from './applicants/applicant.resolver';
import { auditApplicantReads } from './audit/read-audit';
import { auditMutations } from './audit/mutation-audit';
import { authChecker } from './auth/auth-checker';
import { SignInSessionResolver } from './auth/session.resolver';
import { ViewerResolver } from './auth/viewer.resolver';
import { NodeResolver } from './common/node.resolver';
import { DateTimeScalar } from './common/scalars';
import { CommitteeMemberResolver, CommitteeResolver } from './committees/committee.resolver';
import { ConflictResolver } from './conflicts/conflict.resolver';
import { DocumentResolver } from './documents/document.resolver';
import { IntakeResolver, ReviewWeekResolver } from './intakes/intake.resolver';
import { PortfolioResolver } from './portfolios/portfolio.resolver';
import { PrivacyResolver } from './privacy/privacy.resolver';
import { ProgramResolver } from './programs/program.resolver';
import { ReportingResolver } from './reporting/reporting.resolver';
import { ReferenceResolver } from './references/reference.resolver';
import { AgendaItemResolver } from './reviews/agenda-item.resolver';
import { ReviewSessionResolver } from './reviews/review-session.resolver';
import { DecisionConditionResolver, DecisionDraftResolver, DecisionResolver, EligibilityOffersResolver } from './decisions/decision.resolver';
import { LiveResolver } from './reviews/live/live.resolver';
import { LIVE_EVENT_TYPES } from './reviews/live/session-event.type';
import { SessionFlowResolver } from './reviews/session-flow.resolver';
import { CriterionScoreResolver, CriterionTallyResolver, VoteResolver, VoteRevisionResolver } from './reviews/vote.resolver';

export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  ViewerResolver,
  SignInSessionResolver,
  ProgramResolver,
  IntakeResolver,
  ReviewWeekResolver,
  ApplicantResolver,
  DocumentResolver,
  ReferenceResolver,
  PortfolioResolver,
  CommitteeResolver,
  CommitteeMemberResolver,
  ConflictResolver,
  ReviewSessionResolver,
  AgendaItemResolver,
  VoteResolver,
  CriterionScoreResolver,
  CriterionTallyResolver,
  VoteRevisionResolver,
  SessionFlowResolver,
  DecisionResolver,
  DecisionConditionResolver,
  DecisionDraftResolver,
  EligibilityOffersResolver,
  LiveResolver,
  ReportingResolver,
  PrivacyResolver,
];

/** The schema, with the audit trail's recording around every mutation and every read of an applicant's file. */
export async function createSchema(options: { logger?: Logger } = {}): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    authChecker,
    // Input checks live in the services, next to the rules they enforce.
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Events are returned through the SessionEvent interface, so name every concrete type.
    orphanedTypes: LIVE_EVENT_TYPES,
    // type-graphql insists on a PubSub even though every subscription brings its own `subscribe`
    // (fed by the session event bus, which reads the event log); this one refuses to be used.
    pubSub: {
      publish: () => {
        throw new Error('Publish through the event log (EventRecorder), not type-graphql pubSub');
      },
      subscribe: () => {
        throw new Error('Subscriptions subscribe to the session event bus');
      },
    },
  });
  auditMutations(schema, options.logger ?? createLogger('error'));
  auditApplicantReads(schema);
  return schema;
}

/** The SDL committed as schema/schema.graphql; sorted so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
