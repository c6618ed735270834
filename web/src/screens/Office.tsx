import { useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { ReportFilters, useReportFilter } from '../components/ReportFilters';
import {
  WebIssueLetterDocument,
  WebOfficeDecisionsDocument,
  WebPublishDecisionDocument,
  WebRecordTuitionPaidDocument,
  type OfficeStep,
  type WebOfficeDecisionsQuery,
} from '../generated/graphql';
import { errorMessage } from '../api';
import { keyOf, useT } from '../i18n';
import type { MessageKey } from '../i18n/en';

type Row = WebOfficeDecisionsQuery['applicants']['edges'][number]['node'];
const STEP_KEYS = { PUBLISH: 'publish', RECORD_TUITION: 'tuition', ISSUE_LETTER: 'letter' } as const satisfies Record<OfficeStep, string>;
const STEP_LABELS = { PUBLISH: 'publish', RECORD_TUITION: 'recordTuition', ISSUE_LETTER: 'issueLetter' } as const satisfies Record<OfficeStep, MessageKey>;

/**
 * The admissions office after the meetings: every decided applicant of the chosen intake and
 * program with the next step the rules allow (publish → tuition → letter), and what each
 * admission still has to meet. The server judges every step; a refusal is shown as it said it.
 */
export function Office() {
  const t = useT();
  const filter = useReportFilter();
  const [after, setAfter] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const applicantFilter = { status: 'DECIDED' as const, intakeId: filter.value.intakeId, programId: filter.value.programId };
  const [page, refetch] = useQuery({ query: WebOfficeDecisionsDocument, variables: { filter: applicantFilter, after: after.at(-1) } });
  const [, publish] = useMutation(WebPublishDecisionDocument);
  const [, tuition] = useMutation(WebRecordTuitionPaidDocument);
  const [, letter] = useMutation(WebIssueLetterDocument);

  async function step(run: Promise<{ error?: CombinedError }>) {
    const result = await run;
    setError(result.error ? t('refused', { message: errorMessage(result.error) }) : null);
    refetch({ requestPolicy: 'network-only' });
  }
  const rows = page.data?.applicants.edges.map((e) => e.node) ?? [];
  const pageInfo = page.data?.applicants.pageInfo;
  return (
    <>
      <h2>{t('office')}</h2>
      <ReportFilters filter={filter} weeks={false} onChange={() => setAfter([])} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {page.error && <p className="error">{page.error.message}</p>}
      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t('officeDecisions')}</h2>
        {page.fetching && !page.data ? (
          <p>{t('loading')}</p>
        ) : rows.length === 0 ? (
          <p data-testid="no-decisions">{t('noDecisions')}</p>
        ) : (
          <table data-testid="office-decisions">
            <thead>
              <tr>
                <th scope="col">{t('applicant')}</th>
                <th scope="col">{t('program')}</th>
                <th scope="col">{t('decision')}</th>
                <th scope="col">{t('officeState')}</th>
                <th scope="col">{t('outstandingConditions')}</th>
                <th scope="col">{t('nextStep')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <DecisionRow key={row.id} row={row} step={step} actions={{ publish, tuition, letter }} />
              ))}
            </tbody>
          </table>
        )}
        <p>
          {after.length > 0 && <button onClick={() => setAfter(after.slice(0, -1))}>{t('previousPage')}</button>}{' '}
          {pageInfo?.hasNextPage && pageInfo.endCursor && <button onClick={() => setAfter([...after, pageInfo.endCursor!])}>{t('nextPage')}</button>}
        </p>
      </section>
    </>
  );
}

type Action = (v: { applicantId: string }) => Promise<{ error?: CombinedError }>;

function DecisionRow({ row, step, actions }: { row: Row; step(run: Promise<{ error?: CombinedError }>): void; actions: Record<'publish' | 'tuition' | 'letter', Action> }) {
  const t = useT();
  const decision = row.decision!;
  const v = { applicantId: row.id };
  // The API says which step is open (decisions/policy.ts); the screen only offers it.
  const open = decision.officeSteps[0];
  const next = open && { key: STEP_KEYS[open], label: t(STEP_LABELS[open]), run: () => actions[STEP_KEYS[open]](v) };
  const state = [
    decision.publishedAt ? t('publishedOn', { day: decision.publishedAt.slice(0, 10) }) : t('notPublished'),
    decision.tuitionPaidAt && t('tuitionPaidOn', { day: decision.tuitionPaidAt.slice(0, 10) }),
    decision.letterIssuedAt && t('letterIssuedOn', { day: decision.letterIssuedAt.slice(0, 10) }),
  ].filter(Boolean);
  return (
    <tr data-applicant-id={row.id} data-published={Boolean(decision.publishedAt)} data-tuition={Boolean(decision.tuitionPaidAt)} data-letter={Boolean(decision.letterIssuedAt)}>
      <td>{row.fullName}</td>
      <td>
        {row.program.code} · {row.intake.code}
      </td>
      <td>
        {t(keyOf('out', decision.outcome))}
        {decision.scholarshipPercent ? ` · ${t('scholarshipShort', { percent: decision.scholarshipPercent })}` : ''}
        {decision.admissionStatus && ` · ${t(keyOf('adm', decision.admissionStatus))}`}
      </td>
      <td data-testid="office-state">{state.join(' · ')}</td>
      <td>
        {decision.outstandingConditions.length === 0 ? (
          '–'
        ) : (
          <ul data-testid="outstanding">
            {decision.outstandingConditions.map((c) => (
              <li key={c.id} data-kind={c.kind} title={c.description}>
                {t(keyOf('cond', c.kind))}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {next && (
          <button data-testid={`office-${next.key}`} aria-label={`${next.label}: ${row.fullName}`} onClick={() => void step(next.run())}>
            {next.label}
          </button>
        )}
      </td>
    </tr>
  );
}
