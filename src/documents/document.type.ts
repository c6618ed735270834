import { Field, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { DateTimeScalar } from '../common/scalars';
import { DocumentKind, DocumentQuality } from './document.entity';

@ObjectType('Document', { implements: Node })
export class DocumentNode extends Node {
  dbId: string;
  applicantId: string;

  @Field(() => DocumentKind)
  kind: DocumentKind;

  @Field()
  fileName: string;

  @Field(() => DocumentQuality, { description: 'PHOTOGRAPHED makes the application improper: documents must be scanned.' })
  quality: DocumentQuality;

  @Field(() => DateTimeScalar)
  uploadedAt: Date;
}
