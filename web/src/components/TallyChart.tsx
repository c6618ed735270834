import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { WebAgendaItemQuery } from '../generated/graphql';
import { keyOf, useT } from '../i18n';

Chart.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

type Tally = NonNullable<NonNullable<WebAgendaItemQuery['reviewSession']['currentItem']>['tally']>;

/** The live tally: per-criterion means as a chart, with the same figures as text beside it. */
export function TallyChart({ tally, hidden }: { tally: Tally | null | undefined; hidden: boolean }) {
  const t = useT();
  if (!tally) {
    return (
      <section aria-labelledby="tally-title" data-testid="tally" data-hidden="true">
        <h2 id="tally-title">{t('tally')}</h2>
        <p className="notice">{hidden ? t('tallyHidden') : t('noEvents')}</p>
      </section>
    );
  }
  const mean = tally.overall.mean;
  return (
    <section aria-labelledby="tally-title" data-testid="tally" data-hidden="false">
      <h2 id="tally-title">{t('tally')}</h2>
      <p data-testid="tally-count">{t('votesCast', { count: tally.voteCount })}</p>
      <p data-testid="tally-mean">{t('overallMean', { mean: mean == null ? '–' : mean.toFixed(2) })}</p>
      <div style={{ height: 200 }}>
        <Bar
          aria-label={t('tally')}
          role="img"
          options={{ maintainAspectRatio: false, animation: false, scales: { y: { min: 0, max: 5 } }, plugins: { legend: { display: false } } }}
          data={{
            labels: tally.criteria.map((c) => c.criterion.name),
            datasets: [{ label: t('mean'), data: tally.criteria.map((c) => c.mean ?? 0), backgroundColor: '#123c69' }],
          }}
        />
      </div>
      <ul>
        {tally.recommendations.map((r) => (
          <li key={r.recommendation}>
            {t(keyOf('rec', r.recommendation))}: {r.count}
          </li>
        ))}
      </ul>
    </section>
  );
}
