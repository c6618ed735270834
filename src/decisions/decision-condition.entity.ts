import { ArrayType, Check, Entity, Enum, Index, ManyToOne, Opt, Property, Ref, Unique } from '@mikro-orm/core';
import { User } from '../auth/user.entity';
import { BaseEntity } from '../db/base.entity';
import type { Decision } from './decision.entity';
import { AdmissionCondition, ConditionStatus, CourseOutcome, LanguageSchoolResult } from './decision.enums';

export interface CourseSnapshot {
  code: string;
  title: string;
  /** Preparatory courses carry their ECTS; prerequisites do not. */
  ects?: number;
}

export interface CourseResult {
  courseCode: string;
  outcome: CourseOutcome;
  /** On the 4-point scale, for GRADED results. */
  gradePoints: number | null;
}

/**
 * One condition of an admission and its evidence. The status is judged from the evidence by
 * decisions/policy.ts `conditionStatus` whenever evidence is recorded; the evidence columns are
 * those of the condition's kind (the others stay null).
 */
@Entity({ tableName: 'decision_condition' })
@Index({ properties: ['decision'] })
@Unique({ properties: ['decision', 'kind', 'description'] })
@Check({ name: 'decision_condition_placement_check', expression: 'placement_level is null or placement_level >= 1 and placement_level <= 4' })
export class DecisionCondition extends BaseEntity {
  @ManyToOne('Decision', { ref: true, deleteRule: 'cascade' })
  decision: Ref<Decision>;

  @Enum({ items: () => AdmissionCondition })
  kind: AdmissionCondition;

  /** Required by the applicant's facts (the chair could not leave it out), or added by the chair. */
  @Property({ type: 'boolean' })
  required: boolean;

  /** Why it applies, or, for a committee requirement, what it asks. */
  @Property({ type: 'text' })
  description: string;

  @Enum({ items: () => ConditionStatus, default: ConditionStatus.OUTSTANDING })
  status: ConditionStatus & Opt = ConditionStatus.OUTSTANDING;

  /** PREPARATORY_COURSES: the program's list when the acceptance was signed; MISSING_PREREQUISITES: the courses to take. */
  @Property({ type: 'json', nullable: true })
  courses?: CourseSnapshot[] | null;

  @Property({ type: 'date', nullable: true })
  acceptanceSignedOn?: string | null;

  @Property({ type: 'json', nullable: true })
  courseResults?: CourseResult[] | null;

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  takenCourseCodes: string[] & Opt = [];

  @Property({ type: 'date', nullable: true })
  examTakenOn?: string | null;

  @Property({ type: 'boolean', nullable: true })
  examPassed?: boolean | null;

  @Property({ type: 'smallint', nullable: true })
  placementLevel?: number | null;

  @Enum({ items: () => LanguageSchoolResult, nullable: true })
  schoolResult?: LanguageSchoolResult | null;

  @Property({ type: 'date', nullable: true })
  schoolResultOn?: string | null;

  @Property({ type: 'date', nullable: true })
  recognitionDecidedOn?: string | null;

  @Property({ type: 'boolean', nullable: true })
  recognised?: boolean | null;

  @Property({ type: 'text', nullable: true })
  recognitionReference?: string | null;

  @Property({ type: 'date', nullable: true })
  requirementCheckedOn?: string | null;

  @Property({ type: 'boolean', nullable: true })
  requirementMet?: boolean | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'datetime', nullable: true })
  recordedAt?: Date | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy?: Ref<User> | null;
}
