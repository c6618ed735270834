import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import { CourseOutcome, LanguageSchoolResult } from './decision.enums';

@InputType()
export class PreparatoryCourseResultInput {
  @Field()
  courseCode: string;

  @Field(() => CourseOutcome)
  outcome: CourseOutcome;

  @Field(() => Float, { nullable: true, description: 'On the 4-point scale (0–4), for a GRADED result only.' })
  gradePoints?: number | null;
}

@InputType({ description: 'First the signed acceptance (which records the program’s list), then the results as they come; a result replaces an earlier one for the same course.' })
export class PreparatoryCoursesEvidenceInput {
  @Field(() => DateScalar, { nullable: true })
  acceptanceSignedOn?: string | null;

  @Field(() => [PreparatoryCourseResultInput], { nullable: true })
  results?: PreparatoryCourseResultInput[] | null;
}

@InputType()
export class PrerequisitesEvidenceInput {
  @Field(() => [String], { description: 'Codes of prerequisite courses now taken (added to those recorded before).' })
  takenCourseCodes: string[];
}

@InputType()
export class EnglishExamEvidenceInput {
  @Field(() => DateScalar)
  takenOn: string;

  @Field()
  passed: boolean;
}

@InputType()
export class LanguageSchoolEvidenceInput {
  @Field(() => Int, { description: 'The level of the placement test, 1–4.' })
  placementLevel: number;

  @Field(() => LanguageSchoolResult, { defaultValue: LanguageSchoolResult.ATTENDING })
  result: LanguageSchoolResult;

  @Field(() => DateScalar, { description: 'The day of the placement, or of the result.' })
  on: string;
}

@InputType()
export class RecognitionEvidenceInput {
  @Field(() => DateScalar)
  decidedOn: string;

  @Field({ description: 'Whether the prior education was officially recognised.' })
  recognised: boolean;

  @Field({ description: "The recognition authority's reference." })
  reference: string;
}

@InputType()
export class CommitteeRequirementEvidenceInput {
  @Field(() => DateScalar)
  checkedOn: string;

  @Field()
  met: boolean;
}

@InputType({ description: 'Evidence for one condition: exactly one of the groups, the one of the condition’s kind.' })
export class RecordConditionEvidenceInput {
  @Field(() => ID)
  conditionId: string;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => PreparatoryCoursesEvidenceInput, { nullable: true })
  preparatoryCourses?: PreparatoryCoursesEvidenceInput | null;

  @Field(() => PrerequisitesEvidenceInput, { nullable: true })
  prerequisites?: PrerequisitesEvidenceInput | null;

  @Field(() => EnglishExamEvidenceInput, { nullable: true })
  englishExam?: EnglishExamEvidenceInput | null;

  @Field(() => LanguageSchoolEvidenceInput, { nullable: true })
  languageSchool?: LanguageSchoolEvidenceInput | null;

  @Field(() => RecognitionEvidenceInput, { nullable: true })
  recognition?: RecognitionEvidenceInput | null;

  @Field(() => CommitteeRequirementEvidenceInput, { nullable: true })
  committeeRequirement?: CommitteeRequirementEvidenceInput | null;
}
