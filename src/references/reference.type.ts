import { Field, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { DateTimeScalar } from '../common/scalars';
import { ReferenceStatus } from './reference.entity';

@ObjectType('Reference', { implements: Node })
export class ReferenceNode extends Node {
  dbId: string;
  applicantId: string;

  @Field()
  refereeName: string;

  @Field()
  refereeEmail: string;

  @Field()
  refereeInstitution: string;

  @Field({ description: 'Only academic letters count towards the program minimum.' })
  academic: boolean;

  @Field(() => ReferenceStatus)
  status: ReferenceStatus;

  @Field(() => DateTimeScalar)
  requestedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  receivedAt: Date | null;
}
