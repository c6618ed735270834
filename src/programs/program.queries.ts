import type { Knex } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
import { keysetPage, ordering, Page, PageRequest, toPage } from '../common/pagination';
import { numeric } from '../common/scalars';
import { PreparatoryCourseType, PrerequisiteCourseType, ProgramNode, RubricCriterionNode } from './program.type';

/** Plain-row reads for the program feature: the read path never hydrates ORM entities. */

function toProgram(row: any): ProgramNode {
  return Object.assign(new ProgramNode(), {
    id: toGlobalId('Program', row.id),
    dbId: row.id,
    code: row.code,
    name: row.name,
    minAcademicReferences: row.min_academic_references,
    portfolioRequired: row.portfolio_required,
    relevantBackgroundRequired: row.relevant_background_required,
    prerequisites: (row.prerequisites as any[]).map(
      (course) => Object.assign(new PrerequisiteCourseType(), { programId: row.id, code: course.code, title: course.title }),
    ),
    preparatoryCourses: (row.preparatory_courses as any[]).map((course) =>
      Object.assign(new PreparatoryCourseType(), { code: course.code, title: course.title, ects: course.ects }),
    ),
  });
}

/** A program with its prerequisite and preparatory courses (eligibility and decisions read them): one statement. */
const PROGRAM_COLUMNS = [
  'program.*',
  'coalesce((select json_agg(json_build_object(\'code\', c.code, \'title\', c.title) order by c.code) from prerequisite_course c where c.program_id = program.id), \'[]\') as prerequisites',
  'coalesce((select json_agg(json_build_object(\'code\', c.code, \'title\', c.title, \'ects\', c.ects) order by c.position) from preparatory_course c where c.program_id = program.id), \'[]\') as preparatory_courses',
];

function toCriterion(row: any): RubricCriterionNode {
  return Object.assign(new RubricCriterionNode(), {
    id: toGlobalId('RubricCriterion', row.id),
    dbId: row.id,
    programId: row.program_id,
    key: row.key,
    name: row.name,
    description: row.description,
    weight: numeric(row.weight),
    position: row.position,
    levels: (row.level_descriptions as string[]).map((description, index) => ({ score: index + 1, description })),
  });
}

export async function programsById(db: Knex, ids: readonly string[]): Promise<ProgramNode[]> {
  return (await db('program').whereIn('id', ids).select(db.raw(PROGRAM_COLUMNS.join(', ')))).map(toProgram);
}

/** By name; the id breaks ties. */
export const PROGRAM_ORDERING = ordering('programs', 'name', 'asc', [{ sql: 'program.name', type: 'text' }, { sql: 'program.id', type: 'uuid' }]);

/** A page of programs with their courses: one statement, whatever the page size. */
export async function programPage(db: Knex, page: PageRequest): Promise<Page<ProgramNode>> {
  return toPage(await keysetPage(db, db('program').select(db.raw(PROGRAM_COLUMNS.join(', '))), page), toProgram);
}

export async function rubricByProgram(db: Knex, programIds: readonly string[]): Promise<RubricCriterionNode[]> {
  return (await db('rubric_criterion').whereIn('program_id', programIds).orderBy('position')).map(toCriterion);
}

export async function criteriaById(db: Knex, ids: readonly string[]): Promise<RubricCriterionNode[]> {
  return (await db('rubric_criterion').whereIn('id', ids)).map(toCriterion);
}
