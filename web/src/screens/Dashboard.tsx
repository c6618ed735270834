import { ArcElement, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartData } from 'chart.js';
import { useState } from 'react';
import { Bar, Doughnut } from 'react-chartjs-2';
import { useQuery } from 'urql';
import { currentToken, type Viewer } from '../auth';
import { ReportFilters, useReportFilter } from '../components/ReportFilters';
import { WebDashboardDocument, type ReportFilter, type WebDashboardQuery } from '../generated/graphql';
import { keyOf, useT } from '../i18n';

Chart.register(ArcElement, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

// Colour-blind-safe (Okabe–Ito), each 3:1 or more against white as WCAG asks of graphics.
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56b4e9', '#1a1a1a'];
const STAGES = ['registered', 'complete', 'scheduled', 'reviewed', 'decided', 'admitted', 'admissionsFinal'] as const;
const number = (value: number | null | undefined, digits = 2) => (value == null ? '–' : value.toFixed(digits));
const percent = (share: number | null | undefined) => (share == null ? '–' : `${Math.round(share * 100)} %`);

/**
 * The reporting dashboard: the funnel, the applicant mix, score distributions, agreement
 * (Krippendorff's alpha) and calibration, each a chart with its figures as a table beside it, for
 * the intake, program and week chosen. Every figure is the API's: PostgreSQL computes them.
 */
export function Dashboard({ viewer }: { viewer: Viewer }) {
  const t = useT();
  const filter = useReportFilter();
  const [{ data, error, fetching }] = useQuery({ query: WebDashboardDocument, variables: { filter: filter.value } });
  return (
    <>
      <h2>{t('reports')}</h2>
      <ReportFilters filter={filter} />
      {viewer.role === 'OFFICER' && <CsvExport filter={filter.value} />}
      {error && <p className="error">{error.message}</p>}
      {!data ? (
        <p>{t('loading')}</p>
      ) : (
        <div data-testid="dashboard" data-loading={fetching}>
          <Funnel rows={data.funnelReport} />
          <section aria-labelledby="mix-title">
            <h2 id="mix-title">{t('applicantMix')}</h2>
            <div className="charts">
              <Mix id="route" title={t('route')} rows={data.route} label={(v) => t(keyOf('route', v))} />
              <Mix id="english" title={t('englishPath')} rows={data.englishPath} label={(v) => t(keyOf('eng', v))} />
              <Mix id="grade" title={t('gradeBand')} rows={data.gradeBand} label={(v) => t(keyOf('band', v))} />
            </div>
          </section>
          <Scoring rows={data.scoringReport} />
          <Calibration report={data.calibrationReport} />
        </div>
      )}
    </>
  );
}

function ChartBox({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <figure className="chart" data-testid={`chart-${id}`} aria-label={label}>
      <div style={{ height: 220 }}>{children}</div>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

const barOptions = (extra: object = {}) => ({ maintainAspectRatio: false, animation: false as const, ...extra });

function Funnel({ rows }: { rows: WebDashboardQuery['funnelReport'] }) {
  const t = useT();
  const data: ChartData<'bar'> = {
    labels: STAGES.map((stage) => t(keyOf('stage', stage))),
    datasets: rows.map((row, i) => ({ label: row.programCode ?? '–', data: STAGES.map((stage) => row[stage]), backgroundColor: PALETTE[i % PALETTE.length] })),
  };
  return (
    <section aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t('funnel')}</h2>
      <ChartBox id="funnel" label={t('funnel')}>
        <Bar role="img" aria-label={t('funnel')} data={data} options={barOptions()} />
      </ChartBox>
      <table data-testid="funnel-table">
        <thead>
          <tr>
            <th scope="col">{t('program')}</th>
            {STAGES.map((stage) => (
              <th scope="col" key={stage}>
                {t(keyOf('stage', stage))}
              </th>
            ))}
            <th scope="col">{t('admitRate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.programId ?? 'all'} data-program-id={row.programId}>
              <th scope="row">{row.programCode}</th>
              {STAGES.map((stage) => (
                <td key={stage} data-stage={stage}>
                  {row[stage]}
                </td>
              ))}
              <td>{percent(row.admitRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Mix({ id, title, rows, label }: { id: string; title: string; rows: WebDashboardQuery['route']; label(value: string): string }) {
  const t = useT();
  return (
    <div>
      <h3>{title}</h3>
      <ChartBox id={`mix-${id}`} label={title}>
        <Doughnut
          role="img"
          aria-label={title}
          data={{ labels: rows.map((r) => label(r.value)), datasets: [{ data: rows.map((r) => r.count), backgroundColor: rows.map((_, i) => PALETTE[i % PALETTE.length]) }] }}
          options={barOptions({ plugins: { legend: { position: 'bottom' } } })}
        />
      </ChartBox>
      <table data-testid={`mix-${id}-table`}>
        <tbody>
          {rows.map((r) => (
            <tr key={r.value} data-value={r.value}>
              <th scope="row">{label(r.value)}</th>
              <td data-testid="count">{r.count}</td>
              <td>{percent(r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>{t('noData')}</p>}
    </div>
  );
}

function Scoring({ rows }: { rows: WebDashboardQuery['scoringReport'] }) {
  const t = useT();
  const scores = [1, 2, 3, 4, 5];
  const distribution: ChartData<'bar'> = {
    labels: scores.map(String),
    datasets: rows.map((row, i) => ({
      label: row.groupLabel,
      data: scores.map((score) => row.overallDistribution.find((b) => b.score === score)?.count ?? 0),
      backgroundColor: PALETTE[i % PALETTE.length],
    })),
  };
  const criteria = [...new Set(rows.flatMap((row) => row.criteria.map((c) => c.criterionKey)))];
  const agreement: ChartData<'bar'> = {
    labels: rows.map((row) => row.groupLabel),
    datasets: [{ label: t('alpha'), data: rows.map((row) => row.alpha ?? null), backgroundColor: PALETTE[0] }],
  };
  return (
    <>
      <section aria-labelledby="scores-title">
        <h2 id="scores-title">{t('scoreDistribution')}</h2>
        <ChartBox id="scores" label={t('scoreDistribution')}>
          <Bar role="img" aria-label={t('scoreDistribution')} data={distribution} options={barOptions({ scales: { x: { title: { display: true, text: t('overallScore') } } } })} />
        </ChartBox>
        <p className="hint">{t('suppressedHint')}</p>
      </section>
      <section aria-labelledby="agreement-title">
        <h2 id="agreement-title">{t('agreement')}</h2>
        <ChartBox id="agreement" label={t('agreement')}>
          <Bar role="img" aria-label={t('agreement')} data={agreement} options={barOptions({ scales: { y: { min: -1, max: 1 } }, plugins: { legend: { display: false } } })} />
        </ChartBox>
        <table data-testid="scoring-table">
          <thead>
            <tr>
              <th scope="col">{t('program')}</th>
              <th scope="col">{t('votes')}</th>
              <th scope="col">{t('alpha')}</th>
              {criteria.map((key) => (
                <th scope="col" key={key}>
                  {key} ({t('meanAndAlpha')})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.groupId} data-group-id={row.groupId} data-suppressed={row.suppressed}>
                <th scope="row">{row.groupLabel}</th>
                <td data-testid="votes">{row.suppressed ? t('suppressed') : row.votes}</td>
                <td data-testid="alpha">{number(row.alpha, 3)}</td>
                {criteria.map((key) => {
                  const c = row.criteria.find((x) => x.criterionKey === key);
                  return <td key={key}>{!c ? '' : c.suppressed ? t('suppressed') : `${number(c.mean)} / ${number(c.alpha, 3)}`}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

const SHOWN_APPLICANTS = 15;

function Calibration({ report }: { report: WebDashboardQuery['calibrationReport'] }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const reviewers = report.reviewers.filter((r) => !r.suppressed);
  const applicants = all ? report.applicants : report.applicants.slice(0, SHOWN_APPLICANTS);
  return (
    <section aria-labelledby="calibration-title">
      <h2 id="calibration-title">{t('calibration')}</h2>
      <ChartBox id="severity" label={t('severity')}>
        <Bar
          role="img"
          aria-label={t('severity')}
          data={{ labels: reviewers.map((r) => r.label), datasets: [{ label: t('severity'), data: reviewers.map((r) => r.severity ?? null), backgroundColor: reviewers.map((r) => ((r.severity ?? 0) < 0 ? PALETTE[1] : PALETTE[0])) }] }}
          options={barOptions({ indexAxis: 'y', plugins: { legend: { display: false } } })}
        />
      </ChartBox>
      <table data-testid="reviewers-table">
        <thead>
          <tr>
            <th scope="col">{t('reviewer')}</th>
            <th scope="col">{t('votes')}</th>
            <th scope="col">{t('mean')}</th>
            <th scope="col">{t('spread')}</th>
            <th scope="col">{t('severity')}</th>
          </tr>
        </thead>
        <tbody>
          {report.reviewers.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.suppressed ? t('suppressed') : r.votes}</td>
              <td>{number(r.meanScore)}</td>
              <td>{number(r.stdDev)}</td>
              <td>{number(r.severity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('byDisagreement')}</h3>
      <table data-testid="calibration-table">
        <thead>
          <tr>
            <th scope="col">{t('applicant')}</th>
            <th scope="col">{t('votes')}</th>
            <th scope="col">{t('rawMean')}</th>
            <th scope="col">{t('normalizedMean')}</th>
            <th scope="col">{t('disagreement')}</th>
          </tr>
        </thead>
        <tbody>
          {applicants.map((a) => (
            <tr key={a.applicantId} data-applicant-id={a.applicantId}>
              <th scope="row">{a.applicantName ?? t('anonymous')}</th>
              <td>{a.suppressed ? t('suppressed') : a.votes}</td>
              <td>
                {number(a.rawMean)} {a.rawRank != null && `(#${a.rawRank})`}
              </td>
              <td>
                {number(a.normalizedMean)} {a.normalizedRank != null && `(#${a.normalizedRank})`}
              </td>
              <td>{number(a.disagreement)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.applicants.length > SHOWN_APPLICANTS && <button onClick={() => setAll(!all)}>{all ? t('showFewer') : t('showAll', { count: report.applicants.length })}</button>}
    </section>
  );
}

/** GET /reports/scores.csv with the same filter, streamed by the server; saved as a file. */
function CsvExport({ filter }: { filter: ReportFilter }) {
  const t = useT();
  const [state, setState] = useState<string | null>(null);
  async function download() {
    setState(t('downloading'));
    const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
    const response = await fetch(`/reports/scores.csv?${query}`, { headers: { authorization: `Bearer ${currentToken()}` } });
    if (!response.ok) {
      setState(t('refused', { message: `${response.status} ${await response.text()}` }));
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: 'scores.csv' });
    link.click();
    URL.revokeObjectURL(url);
    setState(null);
  }
  return (
    <p>
      <button data-testid="csv-export" onClick={() => void download()}>
        {t('exportCsv')}
      </button>{' '}
      {state && <span role="status">{state}</span>}
    </p>
  );
}
