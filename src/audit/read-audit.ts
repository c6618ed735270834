import { defaultFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { parseGlobalId } from '../common/global-id';
import type { Context } from '../context';

/**
 * The object types that make up an applicant's dossier (what the office files: the applicant,
 * their references, documents, portfolio and decision), and how each names its applicant.
 * Reading any of their fields but `id` counts as reading the dossier, wherever the object was
 * reached: a query, `node(id:)`, a mutation's answer or a live event. The committee's own work
 * on it (votes, comments) is not the dossier: a vote's answer costs no extra statement. Reports
 * that name applicants count too (calibration's names here; the scores CSV in its resolver). A
 * new kind of dossier data adds its type here.
 */
const APPLICANT_FILE_TYPES: Record<string, { applicantOf: (source: any) => string | undefined; fields?: string[] }> = {
  Applicant: { applicantOf: (applicant) => applicant.dbId },
  Reference: { applicantOf: (row) => row.applicantId },
  Document: { applicantOf: (row) => row.applicantId },
  Portfolio: { applicantOf: (row) => row.applicantId },
  PortfolioItem: { applicantOf: (row) => row.applicantId },
  Decision: { applicantOf: (row) => row.applicantId },
  // A report that names applicants (officers' and members' calibration) reads their names;
  // a reporter's rows have none.
  ApplicantCalibration: { applicantOf: (row) => (row.applicantName === null ? undefined : parseGlobalId(row.applicantId).id), fields: ['applicantName'] },
};

/**
 * Wraps the fields of those types to note the applicant in the operation's audit (a Set add; the
 * row is written once when the operation ends, see audit-plugin.ts and the live fan-out), so
 * reads are recorded the same way whichever resolver produced the object.
 */
export function auditApplicantReads(schema: GraphQLSchema): void {
  for (const [typeName, { applicantOf, fields }] of Object.entries(APPLICANT_FILE_TYPES)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`Audited type ${typeName} is not in the schema`);
    for (const field of Object.values(type.getFields())) {
      if (fields ? !fields.includes(field.name) : field.name === 'id') continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: Context, info) => {
        const applicantId = applicantOf(source);
        if (applicantId) context.audit.read(applicantId);
        return resolve(source, args, context, info);
      };
    }
  }
}
