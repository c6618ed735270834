import { Entity, Enum, Index, ManyToOne, Opt, Property, Ref } from '@mikro-orm/core';
import { Applicant } from '../applicants/applicant.entity';
import { BaseEntity } from '../db/base.entity';

export enum DocumentKind {
  DIPLOMA = 'DIPLOMA',
  TRANSCRIPT = 'TRANSCRIPT',
  PASSPORT = 'PASSPORT',
  CV = 'CV',
  MOTIVATION_LETTER = 'MOTIVATION_LETTER',
  ENGLISH_CERTIFICATE = 'ENGLISH_CERTIFICATE',
  OTHER = 'OTHER',
}

/** A photographed (not scanned) document makes the application improper. */
export enum DocumentQuality {
  UNCHECKED = 'UNCHECKED',
  SCANNED = 'SCANNED',
  PHOTOGRAPHED = 'PHOTOGRAPHED',
}

@Entity({ tableName: 'applicant_document' })
@Index({ properties: ['applicant'] })
export class ApplicantDocument extends BaseEntity {
  @ManyToOne(() => Applicant, { ref: true, deleteRule: 'cascade' })
  applicant: Ref<Applicant>;

  @Enum({ items: () => DocumentKind })
  kind: DocumentKind;

  @Property({ type: 'text' })
  fileName: string;

  @Enum({ items: () => DocumentQuality, default: DocumentQuality.UNCHECKED })
  quality: DocumentQuality & Opt = DocumentQuality.UNCHECKED;
}
