/**
 * Every table that holds data about an applicant, in one place. From this list:
 * - the audit trail's triggers record each insert, update and delete with the row before and
 *   after (`audited`; audit.routines.ts),
 * - the subject-access export gathers the applicant's rows of each table (export.service.ts),
 * - erasure blanks the personal columns and keeps what statistics need (`erase`; erasure.service.ts).
 * A table that refers to an applicant (or to a table here) must be listed here or in
 * NOT_APPLICANT_DATA with the reason; a test checks the database against both lists.
 *
 * What erasure keeps, and why: the applicant's nationality, visa need, ECTS, grade and scale,
 * English test and score, background flag, completed course codes, program, intake, dates and
 * status (the funnel, mix and eligibility reports are computed from them); documents' kinds and
 * quality, references' academic flag and status, portfolio dates and items' medium and year
 * (completeness is computed from them); votes, their scores, recommendations and revisions, and
 * decisions' outcome, conditions and scholarship (the scoring, calibration and funnel reports).
 * What it removes: names, emails, prior institution and degree, file names, referees' names,
 * emails and institutions, portfolio statements and item titles and links, the free text of
 * decisions' reasons, conflicts' reasons, comments and votes' comments, and the personal data
 * the audit trail holds about the applicant (its rows keep who did what when).
 */
export interface ApplicantTable {
  table: string;
  /** How a row names its applicant: a column of its own, or its parent's `applicant_id`. */
  applicant: { column: string } | { parent: { column: string; table: string } };
  /** Every change recorded by a trigger, with before and after. */
  audited: boolean;
  /** Columns the export leaves out: they identify committee members, who are third parties. */
  exportOmits?: string[];
  /** Erasure: column → SQL expression of its new value (`t` is the row). */
  erase?: Record<string, string>;
  /** Export order within the table. */
  order?: string;
}

const ERASED = `'(erased)'`;
/** Unique per row, lower-case, and never deliverable (RFC 2606 `.invalid`). */
const ERASED_EMAIL = `'erased-' || t.id || '@erased.invalid'`;

export const APPLICANT_TABLES: ApplicantTable[] = [
  {
    table: 'applicant',
    applicant: { column: 'id' },
    audited: true,
    erase: { first_name: `'Erased'`, last_name: `'applicant'`, email: ERASED_EMAIL, prior_institution: ERASED, prior_degree: ERASED },
  },
  { table: 'applicant_document', applicant: { column: 'applicant_id' }, audited: true, erase: { file_name: ERASED } },
  {
    table: 'reference_letter',
    applicant: { column: 'applicant_id' },
    audited: true,
    erase: { referee_name: ERASED, referee_email: ERASED_EMAIL, referee_institution: ERASED },
  },
  { table: 'portfolio', applicant: { column: 'applicant_id' }, audited: true, erase: { statement: 'null' } },
  {
    table: 'portfolio_item',
    applicant: { parent: { column: 'portfolio_id', table: 'portfolio' } },
    audited: true,
    erase: { title: ERASED, url: 'null' },
    order: 't.position, t.id',
  },
  { table: 'decision', applicant: { column: 'applicant_id' }, audited: true, exportOmits: ['decided_by_id'], erase: { reason: `case when t.reason is null then null else ${ERASED} end` } },
  // Conditions keep their kind, status and evidence flags and results (the funnel counts them);
  // committee requirements' words, notes and recognition references are free text about the person.
  {
    table: 'decision_condition',
    applicant: { parent: { column: 'decision_id', table: 'decision' } },
    audited: true,
    exportOmits: ['recorded_by_id'],
    erase: {
      description: `case when t.kind = 'COMMITTEE_REQUIREMENT' then ${ERASED} else t.description end`,
      note: `case when t.note is null then null else ${ERASED} end`,
      recognition_reference: `case when t.recognition_reference is null then null else ${ERASED} end`,
    },
    order: 't.created_at, t.id',
  },
  // A certificate's test and score are what eligibility and the applicant mix are computed from.
  { table: 'english_certificate', applicant: { column: 'applicant_id' }, audited: true, order: 't.position, t.id' },
  {
    table: 'conflict_of_interest',
    applicant: { column: 'applicant_id' },
    audited: true,
    exportOmits: ['user_id', 'declared_by_id', 'cleared_by_id'],
    erase: { reason: ERASED },
  },
  { table: 'agenda_item', applicant: { column: 'applicant_id' }, audited: true, order: 't.created_at, t.id' },
  { table: 'session_comment', applicant: { column: 'applicant_id' }, audited: true, exportOmits: ['author_id'], erase: { body: ERASED } },
  // Votes are not audited by trigger: castVote is one statement that records itself, and every
  // version is kept in vote_revision.
  { table: 'vote', applicant: { column: 'applicant_id' }, audited: false, exportOmits: ['member_id'], erase: { comment: 'null' } },
  { table: 'vote_score', applicant: { parent: { column: 'vote_id', table: 'vote' } }, audited: false, order: 't.vote_id, t.criterion_id' },
  { table: 'vote_revision', applicant: { parent: { column: 'vote_id', table: 'vote' } }, audited: false, erase: { comment: 'null' }, order: 't.vote_id, t.version' },
  { table: 'session_event', applicant: { column: 'applicant_id' }, audited: false, exportOmits: ['actor_id', 'xid'], order: 't.id' },
];

/** Tables that refer to a table above without being data about an applicant. */
export const NOT_APPLICANT_DATA: Record<string, string> = {
  review_session: 'points at its current agenda item; the session itself is about no one applicant',
  audit_event: 'the trail itself: summarised in the export, its personal data blanked by erasure',
  score_unit: 'counts of the vote_score rows (exported, kept by erasure), kept by the database as they change',
  item_score_summary: 'totals of the votes (exported, kept by erasure), kept by the database as they change',
};

/** `t`'s rows of the applicants in the uuid array parameter `ids` (a SQL fragment). */
export function rowsOfApplicants(table: ApplicantTable, ids: string): string {
  if ('column' in table.applicant) return `t.${table.applicant.column} = any(${ids})`;
  const { column, table: parent } = table.applicant.parent;
  return `t.${column} in (select p.id from ${parent} p where p.applicant_id = any(${ids}))`;
}
