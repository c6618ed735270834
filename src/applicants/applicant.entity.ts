import { ArrayType, Check, DecimalType, Entity, Enum, Index, ManyToOne, Opt, Property, Ref, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Intake } from '../intakes/intake.entity';
import { Program } from '../programs/program.entity';
import { GradeScale } from './applicant.enums';

@Entity()
@Unique({ properties: ['intake', 'email'] })
@Index({ properties: ['program', 'intake'] })
@Check({ name: 'applicant_ects_check', expression: 'ects >= 0 and ects <= 600' })
@Check({
  name: 'applicant_grade_check',
  expression: "(grade_scale = 'FOUR_POINT' and grade_value >= 0 and grade_value <= 4) or (grade_scale = 'HUNDRED_POINT' and grade_value >= 0 and grade_value <= 100)",
})
export class Applicant extends BaseEntity {
  @ManyToOne(() => Program, { ref: true, deleteRule: 'restrict' })
  program: Ref<Program>;

  @ManyToOne(() => Intake, { ref: true, deleteRule: 'restrict' })
  intake: Ref<Intake>;

  @Property({ type: 'text' })
  firstName: string;

  @Property({ type: 'text' })
  lastName: string;

  @Property({ type: 'text' })
  email: string;

  /** ISO 3166-1 alpha-2 */
  @Property({ type: 'text' })
  nationality: string;

  /** Applicants from visa-regime countries need a type-D visa (up to three months). */
  @Property({ type: 'boolean' })
  needsVisa: boolean;

  @Property({ type: 'text' })
  priorInstitution: string;

  @Property({ type: 'text' })
  priorDegree: string;

  /** Completed bachelor-level credits. */
  @Property({ type: 'integer' })
  ects: number;

  @Property({ type: new DecimalType('number'), columnType: 'numeric(5,2)' })
  gradeValue: number;

  @Enum({ items: () => GradeScale })
  gradeScale: GradeScale;

  /** Design or arts studies: what VACD requires to consider an applicant. */
  @Property({ type: 'boolean', default: false })
  relevantBackground: boolean & Opt = false;

  /** Course codes passed, matched against the program's prerequisite courses. */
  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  completedCourses: string[] & Opt = [];

  @Property({ type: 'datetime', nullable: true })
  withdrawnAt?: Date | null;

  /** When the personal data was erased (privacy/erasure.ts); what the statistics need is kept. */
  @Property({ type: 'datetime', nullable: true })
  anonymisedAt?: Date | null;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
