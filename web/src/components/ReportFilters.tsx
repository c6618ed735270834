import { useState } from 'react';
import { useQuery } from 'urql';
import { WebReportFiltersDocument, type ReportFilter } from '../generated/graphql';
import { useT } from '../i18n';

export interface ReportFilterState {
  value: ReportFilter;
  set(next: ReportFilter): void;
}

/** Intake, program and review week, as the reports' and the office's filter (nothing chosen: everything). */
export function useReportFilter(): ReportFilterState {
  const [value, set] = useState<ReportFilter>({});
  return { value, set };
}

export function ReportFilters({ filter, weeks = true, onChange }: { filter: ReportFilterState; weeks?: boolean; onChange?(): void }) {
  const t = useT();
  const [{ data }] = useQuery({ query: WebReportFiltersDocument });
  const intakes = data?.intakes.nodes ?? [];
  const programs = data?.programs.nodes ?? [];
  const intake = intakes.find((i) => i.id === filter.value.intakeId);
  const change = (next: ReportFilter) => {
    // Empty choices are left out: the API reads an absent field as "any".
    filter.set(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as ReportFilter);
    onChange?.();
  };
  return (
    <p role="group" aria-label={t('filter')} className="filters">
      <label>
        {t('intake')}{' '}
        <select data-testid="filter-intake" value={filter.value.intakeId ?? ''} onChange={(e) => change({ ...filter.value, intakeId: e.target.value, weekId: undefined })}>
          <option value="">{t('all')}</option>
          {intakes.map((i) => (
            <option key={i.id} value={i.id}>
              {i.code} – {i.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('program')}{' '}
        <select data-testid="filter-program" value={filter.value.programId ?? ''} onChange={(e) => change({ ...filter.value, programId: e.target.value })}>
          <option value="">{t('all')}</option>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code} – {p.name}
            </option>
          ))}
        </select>
      </label>{' '}
      {weeks && (
        <label>
          {t('week')}{' '}
          <select data-testid="filter-week" value={filter.value.weekId ?? ''} disabled={!intake} onChange={(e) => change({ ...filter.value, weekId: e.target.value })}>
            <option value="">{intake ? t('all') : t('chooseIntakeFirst')}</option>
            {intake?.reviewWeeks.map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </p>
  );
}
