import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { ApplicantNode } from '../applicants/applicant.type';
import { OFFICER } from '../auth/roles';
import { reload } from '../common/loader';
import type { Context } from '../context';
import * as references from './reference.service';
import { ReferenceNode } from './reference.type';

@InputType()
class RequestReferenceInput implements references.RequestReference {
  @Field(() => ID)
  applicantId: string;

  @Field()
  refereeName: string;

  @Field()
  refereeEmail: string;

  @Field()
  refereeInstitution: string;

  @Field({ description: 'Only academic letters count towards the program minimum.' })
  academic: boolean;
}

@Authorized()
@Resolver(() => ReferenceNode)
export class ReferenceResolver {
  @FieldResolver(() => ApplicantNode)
  applicant(@Root() reference: ReferenceNode, @Ctx() ctx: Context) {
    return ctx.loaders.applicant.load(reference.applicantId);
  }

  @Authorized(OFFICER)
  @Mutation(() => ReferenceNode, { description: 'Records that a reference letter was requested from a referee.' })
  async requestReference(@Arg('input') input: RequestReferenceInput, @Ctx() ctx: Context) {
    return reload(ctx.loaders.reference, await references.requestReference(ctx, input));
  }

  @Authorized(OFFICER)
  @Mutation(() => ReferenceNode)
  async markReferenceReceived(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.reference, await references.markReferenceReceived(ctx, id));
  }

  @Authorized(OFFICER)
  @Mutation(() => ApplicantNode, { description: 'Removes a reference; returns its applicant.' })
  async removeReference(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.applicant, await references.removeReference(ctx, id));
  }
}
