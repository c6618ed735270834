import { ref } from '@mikro-orm/core';
import { INPUT_CAPS, requireAtMost } from '../common/caps';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { findByGlobalId } from '../common/entity-lookup';
import { badInput, forbidden, invalidState, notFound } from '../common/errors';
import { fromGlobalId } from '../common/global-id';
import { ConnectionArgs, Page, pageRequest } from '../common/pagination';
import { inTransaction } from '../common/transaction';
import { announceApplicantAccessChanged } from '../events/access-changes';
import { refuseNulls, requireEmail, requireIntegerBetween, requireNumberBetween, requireText } from '../common/validation';
import { Intake } from '../intakes/intake.entity';
import { Program } from '../programs/program.entity';
import { UserRole } from '../auth/user.entity';
import { AgendaItem } from '../reviews/agenda-item.entity';
import { EnglishTest, GradeScale } from './applicant.enums';
import { Applicant } from './applicant.entity';
import { watchAgendas } from '../reviews/agenda.guard';
import { ApplicantFilter, ApplicantOrder, ApplicantOrderField, CreateApplicantInput, EnglishCertificateInput, GradeInput, OrderDirection, UpdateApplicantInput } from './applicant.inputs';
import { APPLICANT_ORDERINGS, applicantPage } from './applicant.queries';
import { ApplicantNode } from './applicant.type';
import { EnglishCertificate } from './english-certificate.entity';
import { ENGLISH_MAXIMUM } from './policy';

/** Officers see every applicant; members those on the agenda of sessions they sit on; reporters none. */
export async function listApplicants(
  ctx: Context,
  filter: ApplicantFilter | undefined,
  orderBy: ApplicantOrder | undefined,
  args: ConnectionArgs,
): Promise<Page<ApplicantNode>> {
  if (ctx.user?.role === UserRole.REPORTER) throw forbidden('Reporters read aggregates, not applicant files.');
  const direction = orderBy?.direction === OrderDirection.DESC ? 'desc' : 'asc';
  const page = pageRequest(args, APPLICANT_ORDERINGS[orderBy?.field ?? ApplicantOrderField.LAST_NAME](direction));
  return applicantPage(ctx.db, {
    programId: filter?.programId ? fromGlobalId('Program', filter.programId, 'filter.programId') : undefined,
    intakeId: filter?.intakeId ? fromGlobalId('Intake', filter.intakeId, 'filter.intakeId') : undefined,
    reviewWeekId: filter?.reviewWeekId ? fromGlobalId('ReviewWeek', filter.reviewWeekId, 'filter.reviewWeekId') : undefined,
    route: filter?.route,
    decision: filter?.decision,
    status: filter?.status,
    needsVisa: filter?.needsVisa ?? undefined,
    search: filter?.search,
    visibleToMember: ctx.access.isOfficer ? undefined : ctx.user!.id,
    viewer: { isOfficer: ctx.access.isOfficer, conflictedApplicantIds: ctx.access.isOfficer ? [] : [...(await ctx.access.conflictedApplicantIds())] },
    page,
  });
}

/** Whether the viewer may open this applicant's file. */
export async function mayViewApplicant(ctx: Context, applicantId: string): Promise<boolean> {
  if (ctx.access.isOfficer) return true;
  if (ctx.user?.role !== UserRole.COMMITTEE_MEMBER) return false;
  const [seats, agenda] = await Promise.all([ctx.access.seats(), ctx.loaders.agendaByApplicant.load(applicantId)]);
  return agenda.some((item) => seats.has(item.sessionId));
}

export async function getApplicant(ctx: Context, globalId: string, field = 'id'): Promise<ApplicantNode> {
  const applicant = await ctx.loaders.applicant.load(fromGlobalId('Applicant', globalId, field));
  if (!applicant) throw notFound('Applicant', globalId, field);
  if (!(await mayViewApplicant(ctx, applicant.dbId))) throw forbidden('This applicant is not on the agenda of a session you sit on.');
  return applicant;
}

const GRADE_MAX: Record<GradeScale, number> = { FOUR_POINT: 4, HUNDRED_POINT: 100 };
function checkGrade(grade: GradeInput) {
  return { gradeValue: requireNumberBetween('grade.value', grade.value, 0, GRADE_MAX[grade.scale]), gradeScale: grade.scale };
}

function checkCertificates(certificates: readonly EnglishCertificateInput[]): { test: EnglishTest; score: number }[] {
  requireAtMost('englishCertificates', certificates, INPUT_CAPS.englishCertificates);
  return certificates.map((certificate, index) => {
    const field = `englishCertificates[${index}].score`;
    const score = requireNumberBetween(field, certificate.score, 0, ENGLISH_MAXIMUM[certificate.test]);
    if (certificate.test === EnglishTest.IELTS_ACADEMIC && !Number.isInteger(score * 2)) throw badInput(field, 'IELTS bands are whole or half numbers.');
    if (certificate.test === EnglishTest.TOEFL_IBT && !Number.isInteger(score)) throw badInput(field, 'TOEFL iBT scores are whole numbers.');
    return { test: certificate.test, score };
  });
}

/** Replaces the applicant's certificates with these. */
async function setCertificates(em: EntityManager, applicant: Applicant, certificates: { test: EnglishTest; score: number }[]): Promise<void> {
  await em.nativeDelete(EnglishCertificate, { applicant });
  certificates.forEach((certificate, position) => em.create(EnglishCertificate, { applicant, ...certificate, position }));
}

function checkNationality(value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw badInput('nationality', 'nationality is an ISO 3166-1 alpha-2 code, e.g. "TR".');
  return code;
}

function checkCourses(codes: string[]): string[] {
  return [...new Set(codes.map((code, i) => requireText(`completedCourses[${i}]`, code, 40).toUpperCase()))];
}

export async function createApplicant(ctx: Context, input: CreateApplicantInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const program = await findByGlobalId(em, Program, 'Program', input.programId, 'programId');
    const intake = await findByGlobalId(em, Intake, 'Intake', input.intakeId, 'intakeId');
    const applicant = em.create(Applicant, {
      program,
      intake,
      firstName: requireText('firstName', input.firstName, 200),
      lastName: requireText('lastName', input.lastName, 200),
      email: requireEmail('email', input.email),
      nationality: checkNationality(input.nationality),
      needsVisa: input.needsVisa,
      priorInstitution: requireText('priorInstitution', input.priorInstitution),
      priorDegree: requireText('priorDegree', input.priorDegree),
      ects: requireIntegerBetween('ects', input.ects, 0, 600),
      ...checkGrade(input.grade),
      relevantBackground: input.relevantBackground,
      completedCourses: checkCourses(input.completedCourses ?? []),
    });
    await setCertificates(em, applicant, checkCertificates(input.englishCertificates ?? []));
    return applicant.id;
  });
}

export async function updateApplicant(ctx: Context, id: string, input: UpdateApplicantInput): Promise<string> {
  return inTransaction(ctx, async (em, events) => {
    refuseNulls(input);
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', id, 'id');
    // A visa, or no longer a relevant background, may keep them off an agenda they are on.
    const agendas = await watchAgendas(em, { applicantIds: [applicant.id] });
    if (input.programId !== undefined) {
      const program = await findByGlobalId(em, Program, 'Program', input.programId, 'programId');
      if (program.id !== applicant.program.id && (await em.count(AgendaItem, { applicant }))) {
        throw invalidState('The applicant is already on a review agenda; remove them from it before changing program.', 'programId');
      }
      applicant.program = ref(program);
    }
    if (input.firstName !== undefined) applicant.firstName = requireText('firstName', input.firstName, 200);
    if (input.lastName !== undefined) applicant.lastName = requireText('lastName', input.lastName, 200);
    if (input.email !== undefined) applicant.email = requireEmail('email', input.email);
    if (input.nationality !== undefined) applicant.nationality = checkNationality(input.nationality);
    if (input.needsVisa !== undefined) applicant.needsVisa = input.needsVisa;
    if (input.priorInstitution !== undefined) {
      const institution = requireText('priorInstitution', input.priorInstitution);
      // A member of that institution is now conflicted with the applicant (conflict.queries.ts).
      if (institution !== applicant.priorInstitution) await announceApplicantAccessChanged(em, events, applicant.id);
      applicant.priorInstitution = institution;
    }
    if (input.priorDegree !== undefined) applicant.priorDegree = requireText('priorDegree', input.priorDegree);
    if (input.ects !== undefined) applicant.ects = requireIntegerBetween('ects', input.ects, 0, 600);
    if (input.grade !== undefined) Object.assign(applicant, checkGrade(input.grade));
    if (input.englishCertificates !== undefined) await setCertificates(em, applicant, checkCertificates(input.englishCertificates));
    if (input.relevantBackground !== undefined) applicant.relevantBackground = input.relevantBackground;
    if (input.completedCourses !== undefined) applicant.completedCourses = checkCourses(input.completedCourses);
    if (input.needsVisa !== undefined || input.relevantBackground !== undefined) {
      await agendas.assertStillStand(input.needsVisa !== undefined ? 'needsVisa' : 'relevantBackground');
    }
    return applicant.id;
  });
}

export async function withdrawApplicant(ctx: Context, id: string): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', id, 'id');
    if (applicant.withdrawnAt) throw invalidState('The applicant has already withdrawn.', 'id');
    applicant.withdrawnAt = new Date();
    return applicant.id;
  });
}
