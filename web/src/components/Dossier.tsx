import type { WebDossierQuery } from '../generated/graphql';
import { keyOf, useT } from '../i18n';

type Applicant = WebDossierQuery['applicant'];

/** The applicant's file as the committee reads it: eligibility and its issues, references, portfolio, documents. */
export function Dossier({ applicant }: { applicant: Applicant }) {
  const t = useT();
  const e = applicant.eligibility;
  const yesNo = (value: boolean) => t(value ? 'yes' : 'no');
  return (
    <section aria-labelledby="dossier-title" data-testid="dossier">
      <h2 id="dossier-title">
        {t('dossier')}: <span data-testid="applicant-name">{applicant.fullName}</span> · {applicant.program.code}
      </h2>
      <dl>
        <dt>{t('priorStudies')}</dt>
        <dd>
          {applicant.priorDegree}, {applicant.priorInstitution} · {t('ects')} {applicant.ects} · {t('grade')} {applicant.grade.value} ({applicant.grade.scale})
        </dd>
        <dt>{t('nationality')}</dt>
        <dd>
          {applicant.nationality} · {t('needsVisa')}: {yesNo(applicant.needsVisa)}
        </dd>
        <dt>{t('english')}</dt>
        <dd>{applicant.bestEnglishCertificate ? `${applicant.bestEnglishCertificate.test} ${applicant.bestEnglishCertificate.score}` : t('none')}</dd>
      </dl>
      <h3>{t('eligibility')}</h3>
      <ul>
        <li>
          {t('route')}: {t(keyOf('route', e.route))}
        </li>
        <li>
          {t('englishPath')}: {t(keyOf('eng', e.englishPath))}
        </li>
        <li>
          {t('complete')}: {yesNo(e.complete)} · {t('minimumGradeMet')}: {yesNo(e.minimumGradeMet)}
        </li>
      </ul>
      <h4>{t('issues')}</h4>
      {e.issues.length === 0 ? <p>{t('noIssues')}</p> : <ul data-testid="issues">{e.issues.map((issue) => <li key={issue}>{issue}</li>)}</ul>}
      {e.missingPrerequisites.length > 0 && (
        <>
          <h4>{t('missingPrerequisites')}</h4>
          <ul>
            {e.missingPrerequisites.map((p) => (
              <li key={p.code}>
                {p.code} {p.title}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('admissionWouldCarry')}</h4>
      {e.admissionOffers.length === 0 ? (
        <p>{t('noAdmissionOpen')}</p>
      ) : (
        <ul data-testid="admission-offers">
          {e.admissionOffers.map((offer) => (
            <li key={offer.outcome} data-outcome={offer.outcome}>
              {t(keyOf('out', offer.outcome))}:{' '}
              {offer.requiredConditions.map((c) => c.anyOf.map((kind) => t(keyOf('cond', kind))).join(` ${t('or')} `)).join('; ')}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('references')}</h3>
      <ul>
        {applicant.references.map((r) => (
          <li key={r.id}>
            {r.refereeName}, {r.refereeInstitution} {r.academic && `(${t('academic')})`} · {r.status}
          </li>
        ))}
      </ul>
      <h3>{t('portfolio')}</h3>
      {applicant.portfolio ? (
        <>
          <p>{applicant.portfolio.statement}</p>
          <ul>
            {applicant.portfolioItems.map((item) => (
              <li key={item.id}>
                {item.title} ({item.medium}
                {item.year ? `, ${item.year}` : ''})
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('noPortfolio')}</p>
      )}
      <h3>{t('documents')}</h3>
      <ul>
        {applicant.documents.map((d) => (
          <li key={d.id}>
            {d.kind}: {d.fileName} · {d.quality}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The rubric with what each score means beside each criterion. */
export function Rubric({ rubric }: { rubric: Applicant['program']['rubric'] }) {
  const t = useT();
  return (
    <section aria-labelledby="rubric-title">
      <h2 id="rubric-title">{t('rubric')}</h2>
      {rubric.map((c) => (
        <div key={c.id}>
          <h3>
            {c.name} <small>({t('weight', { weight: c.weight })})</small>
          </h3>
          <p>{c.description}</p>
          <ol>
            {c.levels.map((l) => (
              <li key={l.score} value={l.score}>
                {l.description}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
