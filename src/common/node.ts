import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node: every object with a global ID can be fetched again with `node(id:)`. */
@InterfaceType()
export abstract class Node {
  @Field(() => ID)
  id: string;
}
