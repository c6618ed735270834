import './graphql-enums';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { ApplicantResolver } from './applicants/applicant.resolver';
import { authChecker } from './auth/auth-checker';
import { ViewerResolver } from './auth/viewer.resolver';
import { NodeResolver } from './common/node.resolver';
import { DateTimeScalar } from './common/scalars';
import { CommitteeMemberResolver, CommitteeResolver } from './committees/committee.resolver';
import { ConflictResolver } from './conflicts/conflict.resolver';
import { DocumentResolver } from './documents/document.resolver';
import { IntakeResolver, ReviewWeekResolver } from './intakes/intake.resolver';
import { PortfolioResolver } from './portfolios/portfolio.resolver';
import { ProgramResolver } from './programs/program.resolver';
import { ReferenceResolver } from './references/reference.resolver';
import { AgendaItemResolver } from './reviews/agenda-item.resolver';
import { ReviewSessionResolver } from './reviews/review-session.resolver';
import { CriterionScoreResolver, CriterionTallyResolver, VoteResolver } from './reviews/vote.resolver';

export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  ViewerResolver,
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
];

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    // Input checks live in the services, next to the rules they enforce.
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
}

/** The SDL committed as schema/schema.graphql; sorted so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
