import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { reload } from '../common/loader';
import { ConnectionArgs } from '../common/pagination';
import { UserNode } from '../committees/committee.type';
import type { Context } from '../context';
import { ANY_ROLE, OFFICER } from './roles';
import * as sessions from './session.service';
import { RevokedSignIns, SignInSessionConnection, SignInSessionNode } from './session.type';

/** Managing sign-ins. Signing in and out themselves are HTTP routes under /auth (README "Signing in"). */
@Resolver(() => SignInSessionNode)
export class SignInSessionResolver {
  @Authorized(ANY_ROLE)
  @Query(() => SignInSessionConnection, { description: "Live sessions: yours, or (officers) another user's. Newest first: by when it signed in, descending, then id." })
  signInSessions(@Arg('userId', () => ID, { nullable: true }) userId: string | null, @Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return sessions.listSignInSessions(ctx, userId, args);
  }

  @FieldResolver(() => UserNode)
  user(@Root() session: SignInSessionNode, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(session.userId);
  }

  @Authorized(ANY_ROLE)
  @Mutation(() => SignInSessionNode, { description: 'Ends one of your sessions (officers: anyone\'s); its live sockets close with 4401.' })
  revokeSignInSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return sessions.revokeSignInSession(ctx, id);
  }

  @Authorized(ANY_ROLE)
  @Mutation(() => RevokedSignIns, { description: 'Signs a user out everywhere (yourself, or anyone for officers), identity-provider tokens included.' })
  async revokeAllSignInSessions(@Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<RevokedSignIns> {
    const { userId: id, revokedCount } = await sessions.revokeAllSignInSessions(ctx, userId);
    return { user: await reload(ctx.loaders.user, id), revokedCount };
  }

  @Authorized(ANY_ROLE)
  @Mutation(() => UserNode, { description: 'Changes your password for the built-in sign-in; your other sessions end.' })
  async changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.user, await sessions.changePassword(ctx, currentPassword, newPassword));
  }

  @Authorized(OFFICER)
  @Mutation(() => UserNode, { description: "Sets a user's password for the built-in sign-in (a first one, or a reset); their sessions end." })
  async setUserPassword(@Arg('userId', () => ID) userId: string, @Arg('password') password: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.user, await sessions.setUserPassword(ctx, userId, password));
  }
}
