import { Field, ObjectType } from 'type-graphql';
import { ConflictSource } from './conflict.entity';

@ObjectType('Conflict', { description: 'A conflict of interest in force between a committee member and an applicant.' })
export class ConflictType {
  userId: string;
  applicantId: string;

  @Field(() => ConflictSource)
  source: ConflictSource;

  @Field()
  reason: string;
}
