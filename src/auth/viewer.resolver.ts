import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { UserNode } from '../committees/committee.type';
import type { Context } from '../context';

@Resolver()
export class ViewerResolver {
  @Authorized()
  @Query(() => UserNode, { description: 'The user the bearer token was issued to.' })
  me(@Ctx() ctx: Context) {
    return ctx.loaders.user.load(ctx.user!.id);
  }
}
