import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DecisionOutcome } from '../decisions/decision.enums';
import { AdmissionRoute, ApplicationStatus, EnglishTest, GradeScale } from './applicant.enums';

export enum ApplicantOrderField {
  LAST_NAME = 'LAST_NAME',
  CREATED_AT = 'CREATED_AT',
  ECTS = 'ECTS',
}
registerEnumType(ApplicantOrderField, { name: 'ApplicantOrderField' });

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@InputType()
export class ApplicantOrder {
  @Field(() => ApplicantOrderField)
  field: ApplicantOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection;
}

@InputType()
export class ApplicantFilter {
  @Field(() => ID, { nullable: true })
  programId?: string;

  @Field(() => ID, { nullable: true })
  intakeId?: string;

  @Field(() => ID, { nullable: true, description: 'Applicants on the agenda of a session in this review week.' })
  reviewWeekId?: string;

  @Field(() => AdmissionRoute, { nullable: true })
  route?: AdmissionRoute;

  @Field(() => DecisionOutcome, { nullable: true, description: 'Applicants whose decision has this outcome.' })
  decision?: DecisionOutcome;

  @Field(() => ApplicationStatus, { nullable: true })
  status?: ApplicationStatus;

  @Field(() => Boolean, { nullable: true })
  needsVisa?: boolean;

  @Field({ nullable: true, description: 'Case-insensitive match on first, last or full name.' })
  search?: string;
}

@InputType()
export class GradeInput {
  @Field(() => Float)
  value: number;

  @Field(() => GradeScale)
  scale: GradeScale;
}

@InputType()
export class EnglishCertificateInput {
  @Field(() => EnglishTest)
  test: EnglishTest;

  @Field(() => Float)
  score: number;
}

@InputType()
export class CreateApplicantInput {
  @Field(() => ID)
  programId: string;

  @Field(() => ID)
  intakeId: string;

  @Field()
  firstName: string;

  @Field()
  lastName: string;

  @Field()
  email: string;

  @Field()
  nationality: string;

  @Field()
  needsVisa: boolean;

  @Field()
  priorInstitution: string;

  @Field()
  priorDegree: string;

  @Field(() => Int)
  ects: number;

  @Field(() => GradeInput)
  grade: GradeInput;

  @Field(() => [EnglishCertificateInput], { nullable: true, defaultValue: [], description: 'Every certificate the applicant holds; the best counts.' })
  englishCertificates: EnglishCertificateInput[];

  @Field({ nullable: true, defaultValue: false })
  relevantBackground: boolean;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  completedCourses: string[];
}

/** Every field optional: only the fields given change. `englishCertificates` replaces the list (`[]` removes them all). */
@InputType()
export class UpdateApplicantInput {
  @Field(() => ID, { nullable: true })
  programId?: string;

  @Field({ nullable: true })
  firstName?: string;

  @Field({ nullable: true })
  lastName?: string;

  @Field({ nullable: true })
  email?: string;

  @Field({ nullable: true })
  nationality?: string;

  @Field({ nullable: true })
  needsVisa?: boolean;

  @Field({ nullable: true })
  priorInstitution?: string;

  @Field({ nullable: true })
  priorDegree?: string;

  @Field(() => Int, { nullable: true })
  ects?: number;

  @Field(() => GradeInput, { nullable: true })
  grade?: GradeInput;

  @Field(() => [EnglishCertificateInput], { nullable: true })
  englishCertificates?: EnglishCertificateInput[];

  @Field({ nullable: true })
  relevantBackground?: boolean;

  @Field(() => [String], { nullable: true })
  completedCourses?: string[];
}
