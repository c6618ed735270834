import type { Knex } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
import { numeric } from '../common/scalars';
import { PrerequisiteCourseType, ProgramNode, RubricCriterionNode } from './program.type';

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
  });
}

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
  return (await db('program').whereIn('id', ids)).map(toProgram);
}

export async function allPrograms(db: Knex): Promise<ProgramNode[]> {
  return (await db('program').orderBy('name')).map(toProgram);
}

export async function prerequisitesByProgram(db: Knex, programIds: readonly string[]): Promise<PrerequisiteCourseType[]> {
  const rows = await db('prerequisite_course').whereIn('program_id', programIds).orderBy('code');
  return rows.map((row: any) => Object.assign(new PrerequisiteCourseType(), { programId: row.program_id, code: row.code, title: row.title }));
}

export async function rubricByProgram(db: Knex, programIds: readonly string[]): Promise<RubricCriterionNode[]> {
  return (await db('rubric_criterion').whereIn('program_id', programIds).orderBy('position')).map(toCriterion);
}

export async function criteriaById(db: Knex, ids: readonly string[]): Promise<RubricCriterionNode[]> {
  return (await db('rubric_criterion').whereIn('id', ids)).map(toCriterion);
}
