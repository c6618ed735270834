import type { Loaders } from '../loaders';
import type { ApplicantNode } from './applicant.type';
import { assessEligibility, Eligibility, EligibilityFacts } from './policy';

/**
 * Gathers an applicant's eligibility facts through loaders: a page of applicants costs a fixed
 * number of statements, and a writer's check inside its transaction passes loaders built on the
 * transaction's connection, so the rules judge what the transaction is about to commit.
 */
export async function eligibilityFacts(loaders: Loaders, applicant: ApplicantNode): Promise<EligibilityFacts> {
  const [program, certificates, references, portfolio, items, documents, weeks] = await Promise.all([
    loaders.program.load(applicant.programId),
    loaders.englishCertificatesByApplicant.load(applicant.dbId),
    loaders.referencesByApplicant.load(applicant.dbId),
    loaders.portfolioByApplicant.load(applicant.dbId),
    loaders.portfolioItemsByApplicant.load(applicant.dbId),
    loaders.documentsByApplicant.load(applicant.dbId),
    loaders.weeksByIntake.load(applicant.intakeId),
  ]);
  return {
    ects: applicant.ects,
    gradeValue: applicant.grade.value,
    gradeScale: applicant.grade.scale,
    englishCertificates: certificates,
    needsVisa: applicant.needsVisa,
    relevantBackground: applicant.relevantBackground,
    completedCourses: applicant.completedCourses,
    withdrawn: applicant.withdrawnAt !== null,
    program: {
      minAcademicReferences: program!.minAcademicReferences,
      portfolioRequired: program!.portfolioRequired,
      relevantBackgroundRequired: program!.relevantBackgroundRequired,
      prerequisites: program!.prerequisites,
    },
    references,
    portfolio: portfolio ? { submitted: portfolio.submittedAt !== null, itemCount: items.length } : null,
    documents,
    intakeWeeks: weeks.map((w) => ({ id: w.id, label: w.label, startsOn: w.startsOn, endsOn: w.endsOn })),
  };
}

export async function eligibilityOf(loaders: Loaders, applicant: ApplicantNode): Promise<Eligibility> {
  return assessEligibility(await eligibilityFacts(loaders, applicant));
}
