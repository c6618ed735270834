import { Field, ObjectType } from 'type-graphql';
import { UserRole } from '../auth/user.entity';
import { Node } from '../common/node';
import { connectionTypes } from '../common/pagination';
import { SeatRole } from './committee-member.entity';

@ObjectType('User', { implements: Node })
export class UserNode extends Node {
  dbId: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => UserRole)
  role: UserRole;

  @Field(() => String, { nullable: true, description: "Used to detect conflicts with applicants from the same institution." })
  institution: string | null;
}

export const { Connection: UserConnection } = connectionTypes(UserNode, 'User');

@ObjectType('Committee', { implements: Node })
export class CommitteeNode extends Node {
  dbId: string;

  @Field()
  name: string;
}

export const { Connection: CommitteeConnection } = connectionTypes(CommitteeNode, 'Committee');

@ObjectType('CommitteeMember', { implements: Node })
export class CommitteeMemberNode extends Node {
  dbId: string;
  committeeId: string;
  userId: string;

  @Field(() => SeatRole)
  role: SeatRole;
}
