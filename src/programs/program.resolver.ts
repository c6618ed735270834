import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OFFICER } from '../auth/roles';
import { notFound } from '../common/errors';
import { fromGlobalId } from '../common/global-id';
import { reload } from '../common/loader';
import { ConnectionArgs } from '../common/pagination';
import type { Context } from '../context';
import { CreateProgramInput, PreparatoryCourseInput, PrerequisiteCourseInput, RubricCriterionInput, UpdateProgramInput } from './program.inputs';
import * as programs from './program.service';
import { PrerequisiteCourseType, ProgramConnection, ProgramNode, RubricCriterionNode } from './program.type';

@Authorized()
@Resolver(() => ProgramNode)
export class ProgramResolver {
  @Query(() => ProgramConnection, { description: 'By name, then id.' })
  programs(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return programs.listPrograms(ctx, args);
  }

  @Query(() => ProgramNode)
  async program(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ProgramNode> {
    const program = await ctx.loaders.program.load(fromGlobalId('Program', id));
    if (!program) throw notFound('Program', id);
    return program;
  }

  @FieldResolver(() => [PrerequisiteCourseType], { description: 'Courses to take before starting if missing; they never reject.' })
  prerequisites(@Root() program: ProgramNode): PrerequisiteCourseType[] {
    return program.prerequisites;
  }

  @FieldResolver(() => [RubricCriterionNode])
  rubric(@Root() program: ProgramNode, @Ctx() ctx: Context): Promise<RubricCriterionNode[]> {
    return ctx.loaders.rubricByProgram.load(program.dbId);
  }

  @Authorized(OFFICER)
  @Mutation(() => ProgramNode)
  async createProgram(@Arg('input') input: CreateProgramInput, @Ctx() ctx: Context): Promise<ProgramNode> {
    return reload(ctx.loaders.program, await programs.createProgram(ctx, input));
  }

  @Authorized(OFFICER)
  @Mutation(() => ProgramNode)
  async updateProgram(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateProgramInput, @Ctx() ctx: Context): Promise<ProgramNode> {
    return reload(ctx.loaders.program, await programs.updateProgram(ctx, id, input));
  }

  @Authorized(OFFICER)
  @Mutation(() => ProgramNode, { description: 'Replaces the list of prerequisite courses.' })
  async setPrerequisiteCourses(
    @Arg('programId', () => ID) programId: string,
    @Arg('courses', () => [PrerequisiteCourseInput]) courses: PrerequisiteCourseInput[],
    @Ctx() ctx: Context,
  ): Promise<ProgramNode> {
    return reload(ctx.loaders.program, await programs.setPrerequisiteCourses(ctx, programId, courses));
  }

  @Authorized(OFFICER)
  @Mutation(() => ProgramNode, { description: 'Replaces the preparatory courses of the conditional route: exactly 10 courses adding up to 60 ECTS.' })
  async setPreparatoryCourses(
    @Arg('programId', () => ID) programId: string,
    @Arg('courses', () => [PreparatoryCourseInput]) courses: PreparatoryCourseInput[],
    @Ctx() ctx: Context,
  ): Promise<ProgramNode> {
    return reload(ctx.loaders.program, await programs.setPreparatoryCourses(ctx, programId, courses));
  }

  @Authorized(OFFICER)
  @Mutation(() => ProgramNode, { description: 'Replaces the rubric; criteria are matched by key so scored criteria keep their scores.' })
  async setRubric(
    @Arg('programId', () => ID) programId: string,
    @Arg('criteria', () => [RubricCriterionInput]) criteria: RubricCriterionInput[],
    @Ctx() ctx: Context,
  ): Promise<ProgramNode> {
    return reload(ctx.loaders.program, await programs.setRubric(ctx, programId, criteria));
  }
}
