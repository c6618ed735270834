import type { Context } from '../context';
import { INPUT_CAPS, requireAtMost } from '../common/caps';
import { findByGlobalId } from '../common/entity-lookup';
import { badInput, conflict } from '../common/errors';
import { ConnectionArgs, Page, pageRequest } from '../common/pagination';
import { inTransaction } from '../common/transaction';
import { refuseNulls, requireIntegerBetween, requireText } from '../common/validation';
import { watchAgendas } from '../reviews/agenda.guard';
import { VoteScore } from '../reviews/vote-score.entity';
import { isPortfolioCriterion, portfolioCriterionRefusal, preparatoryCoursesRefusal } from './policy';
import { PreparatoryCourse } from './preparatory-course.entity';
import { PrerequisiteCourse } from './prerequisite-course.entity';
import { CreateProgramInput, PreparatoryCourseInput, PrerequisiteCourseInput, RubricCriterionInput, UpdateProgramInput } from './program.inputs';
import { Program } from './program.entity';
import { PROGRAM_ORDERING, programPage } from './program.queries';
import { ProgramNode } from './program.type';
import { RubricCriterion } from './rubric-criterion.entity';

/** Every signed-in user reads the programs (reference data, no personal data). */
export function listPrograms(ctx: Context, args: ConnectionArgs): Promise<Page<ProgramNode>> {
  return programPage(ctx.db, pageRequest(args, PROGRAM_ORDERING));
}

export async function createProgram(ctx: Context, input: CreateProgramInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const program = em.create(Program, {
      code: requireText('code', input.code, 40).toUpperCase(),
      name: requireText('name', input.name),
      minAcademicReferences: requireIntegerBetween('minAcademicReferences', input.minAcademicReferences, 0, 10),
      portfolioRequired: input.portfolioRequired,
      relevantBackgroundRequired: input.relevantBackgroundRequired,
    });
    return program.id;
  });
}

export async function updateProgram(ctx: Context, programId: string, input: UpdateProgramInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    refuseNulls(input);
    const program = await findByGlobalId(em, Program, 'Program', programId, 'id');
    // Stricter requirements may leave applicants of the program on open agendas they may no longer stand on.
    const agendas = await watchAgendas(em, { programIds: [program.id] });
    if (input.name !== undefined) program.name = requireText('name', input.name);
    if (input.minAcademicReferences !== undefined) {
      program.minAcademicReferences = requireIntegerBetween('minAcademicReferences', input.minAcademicReferences, 0, 10);
    }
    if (input.relevantBackgroundRequired !== undefined) program.relevantBackgroundRequired = input.relevantBackgroundRequired;
    if (input.portfolioRequired !== undefined) {
      const criteria = await em.find(RubricCriterion, { program });
      if (!input.portfolioRequired && criteria.some((c) => isPortfolioCriterion(c.key))) {
        throw badInput('portfolioRequired', 'Remove the portfolio criterion from the rubric before dropping the portfolio requirement.');
      }
      program.portfolioRequired = input.portfolioRequired;
    }
    const field = (['minAcademicReferences', 'portfolioRequired', 'relevantBackgroundRequired'] as const).find((f) => input[f] !== undefined);
    if (field) await agendas.assertStillStand(field);
    return program.id;
  });
}

export async function setPrerequisiteCourses(ctx: Context, programId: string, courses: PrerequisiteCourseInput[]): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const program = await findByGlobalId(em, Program, 'Program', programId, 'programId');
    const cleaned = cleanCourses(courses);
    await em.nativeDelete(PrerequisiteCourse, { program });
    for (const course of cleaned) em.create(PrerequisiteCourse, { program, ...course });
    return program.id;
  });
}

/**
 * Replaces the list of preparatory courses a conditional-route admission signs up for. Admissions
 * already signed keep the list they signed (their condition holds a copy).
 */
export async function setPreparatoryCourses(ctx: Context, programId: string, courses: PreparatoryCourseInput[]): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const program = await findByGlobalId(em, Program, 'Program', programId, 'programId');
    const cleaned = cleanCourses(courses).map((course, index) => ({
      ...course,
      ects: requireIntegerBetween(`courses[${index}].ects`, courses[index].ects, 1, 30),
      position: index,
    }));
    const refusal = preparatoryCoursesRefusal(cleaned);
    if (refusal) throw refusal;
    await em.nativeDelete(PreparatoryCourse, { program });
    for (const course of cleaned) em.create(PreparatoryCourse, { program, ...course });
    return program.id;
  });
}

/** Course codes upper-cased and each once; titles required. */
function cleanCourses(courses: readonly { code: string; title: string }[]): { code: string; title: string }[] {
  requireAtMost('courses', courses, INPUT_CAPS.coursesPerProgram);
  const codes = new Set<string>();
  return courses.map((course, index) => {
    const code = requireText(`courses[${index}].code`, course.code, 40).toUpperCase();
    if (codes.has(code)) throw badInput(`courses[${index}].code`, `Course ${code} is listed twice.`);
    codes.add(code);
    return { code, title: requireText(`courses[${index}].title`, course.title) };
  });
}

/**
 * Replaces the rubric: criteria are matched by key, so editing a criterion that already has
 * scores keeps those scores; removing one that has scores is refused.
 */
export async function setRubric(ctx: Context, programId: string, criteria: RubricCriterionInput[]): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const program = await findByGlobalId(em, Program, 'Program', programId, 'programId');
    if (criteria.length === 0) throw badInput('criteria', 'A rubric needs at least one criterion.');
    requireAtMost('criteria', criteria, INPUT_CAPS.criteriaPerRubric);
    const existing = new Map((await em.find(RubricCriterion, { program })).map((c) => [c.key, c]));
    const keys = new Set<string>();
    criteria.forEach((input, index) => {
      const field = `criteria[${index}]`;
      const key = requireText(`${field}.key`, input.key, 60).toLowerCase();
      if (!/^[a-z][a-z0-9_]*$/.test(key)) throw badInput(`${field}.key`, 'A key is lower-case letters, digits and underscores.');
      if (keys.has(key)) throw badInput(`${field}.key`, `Criterion ${key} is listed twice.`);
      keys.add(key);
      const portfolio = portfolioCriterionRefusal(key, program.portfolioRequired, `${field}.key`);
      if (portfolio) throw portfolio;
      // Stored with three decimals: anything smaller would round to 0.
      if (!Number.isFinite(input.weight) || input.weight < 0.001 || input.weight > 100) {
        throw badInput(`${field}.weight`, 'A weight is a number from 0.001 to 100.');
      }
      if (input.levelDescriptions.length !== 5) throw badInput(`${field}.levelDescriptions`, 'Describe exactly five levels, for scores 1 to 5.');
      const values = {
        name: requireText(`${field}.name`, input.name),
        description: requireText(`${field}.description`, input.description, 2000),
        weight: input.weight,
        position: index,
        levelDescriptions: input.levelDescriptions.map((text, level) => requireText(`${field}.levelDescriptions[${level}]`, text, 1000)),
      };
      const current = existing.get(key);
      if (current) em.assign(current, values);
      else em.create(RubricCriterion, { program, key, ...values });
    });
    const removed = [...existing.values()].filter((c) => !keys.has(c.key));
    if (removed.length > 0) {
      if ((await em.count(VoteScore, { criterion: { $in: removed } })) > 0) {
        throw conflict(`Criteria ${removed.map((c) => c.key).join(', ')} already have scores and cannot be removed.`, 'criteria');
      }
      em.remove(removed);
    }
    return program.id;
  });
}
