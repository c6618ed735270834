/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ReportIntakes($after: String) {\n  intakes(first: 100, after: $after) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      code\n      name\n    }\n  }\n}\n\nquery FunnelTable($filter: ReportFilter) {\n  funnelReport(filter: $filter, groupBy: [PROGRAM]) {\n    programCode\n    registered\n    complete\n    scheduled\n    reviewed\n    decided\n    admitted\n    admissionsFinal\n    admitRate\n    scholarshipsGranted\n    meanScholarshipPercent\n    decisions {\n      outcome\n      count\n    }\n  }\n}\n\nquery ScoringTable($filter: ReportFilter) {\n  scoringReport(filter: $filter, by: PROGRAM) {\n    groupLabel\n    suppressed\n    votes\n    alpha\n    criteria {\n      criterionKey\n      suppressed\n      count\n      mean\n      median\n      stdDev\n      alpha\n    }\n  }\n}": typeof types.ReportIntakesDocument,
};
const documents: Documents = {
    "query ReportIntakes($after: String) {\n  intakes(first: 100, after: $after) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      code\n      name\n    }\n  }\n}\n\nquery FunnelTable($filter: ReportFilter) {\n  funnelReport(filter: $filter, groupBy: [PROGRAM]) {\n    programCode\n    registered\n    complete\n    scheduled\n    reviewed\n    decided\n    admitted\n    admissionsFinal\n    admitRate\n    scholarshipsGranted\n    meanScholarshipPercent\n    decisions {\n      outcome\n      count\n    }\n  }\n}\n\nquery ScoringTable($filter: ReportFilter) {\n  scoringReport(filter: $filter, by: PROGRAM) {\n    groupLabel\n    suppressed\n    votes\n    alpha\n    criteria {\n      criterionKey\n      suppressed\n      count\n      mean\n      median\n      stdDev\n      alpha\n    }\n  }\n}": types.ReportIntakesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReportIntakes($after: String) {\n  intakes(first: 100, after: $after) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      code\n      name\n    }\n  }\n}\n\nquery FunnelTable($filter: ReportFilter) {\n  funnelReport(filter: $filter, groupBy: [PROGRAM]) {\n    programCode\n    registered\n    complete\n    scheduled\n    reviewed\n    decided\n    admitted\n    admissionsFinal\n    admitRate\n    scholarshipsGranted\n    meanScholarshipPercent\n    decisions {\n      outcome\n      count\n    }\n  }\n}\n\nquery ScoringTable($filter: ReportFilter) {\n  scoringReport(filter: $filter, by: PROGRAM) {\n    groupLabel\n    suppressed\n    votes\n    alpha\n    criteria {\n      criterionKey\n      suppressed\n      count\n      mean\n      median\n      stdDev\n      alpha\n    }\n  }\n}"): (typeof documents)["query ReportIntakes($after: String) {\n  intakes(first: 100, after: $after) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      code\n      name\n    }\n  }\n}\n\nquery FunnelTable($filter: ReportFilter) {\n  funnelReport(filter: $filter, groupBy: [PROGRAM]) {\n    programCode\n    registered\n    complete\n    scheduled\n    reviewed\n    decided\n    admitted\n    admissionsFinal\n    admitRate\n    scholarshipsGranted\n    meanScholarshipPercent\n    decisions {\n      outcome\n      count\n    }\n  }\n}\n\nquery ScoringTable($filter: ReportFilter) {\n  scoringReport(filter: $filter, by: PROGRAM) {\n    groupLabel\n    suppressed\n    votes\n    alpha\n    criteria {\n      criterionKey\n      suppressed\n      count\n      mean\n      median\n      stdDev\n      alpha\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;