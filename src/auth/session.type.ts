import { Field, Int, ObjectType } from 'type-graphql';
import { UserNode } from '../committees/committee.type';
import { connectionTypes } from '../common/pagination';
import { DateTimeScalar } from '../common/scalars';
import { SignInMethod } from './auth-session.entity';

@ObjectType('SignInSession', { description: 'A sign-in: the access tokens it renews all stop working when it is revoked or expires.' })
export class SignInSessionNode {
  dbId: string;
  userId: string;

  @Field()
  id: string;

  @Field(() => SignInMethod)
  method: SignInMethod;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  expiresAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it last renewed an access token.' })
  lastRefreshedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The browser or tool that signed in.' })
  userAgent: string | null;

  @Field({ description: 'The session of the token this request was made with.' })
  current: boolean;
}

export const { Connection: SignInSessionConnection } = connectionTypes(SignInSessionNode, 'SignInSession');

@ObjectType('RevokedSignIns')
export class RevokedSignIns {
  @Field(() => UserNode)
  user: UserNode;

  @Field(() => Int, { description: 'Sessions revoked; bearer tokens of the identity provider issued before now are refused too.' })
  revokedCount: number;
}
