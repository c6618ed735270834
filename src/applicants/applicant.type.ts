import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { connectionTypes } from '../common/pagination';
import { DateTimeScalar } from '../common/scalars';
import { AdmissionRoute, ApplicationStatus, EnglishTest, GradeScale } from './applicant.enums';

@ObjectType('Grade', { description: 'A grade with its scale; never compare values across scales.' })
export class Grade {
  @Field(() => Float)
  value: number;

  @Field(() => GradeScale)
  scale: GradeScale;
}

@ObjectType('EnglishCertificate', { description: 'An IELTS Academic band or a TOEFL iBT score; accepted from 6.0 and 79.' })
export class EnglishCertificate {
  @Field(() => EnglishTest)
  test: EnglishTest;

  @Field(() => Float)
  score: number;
}

@ObjectType('Applicant', { implements: Node })
export class ApplicantNode extends Node {
  dbId: string;
  programId: string;
  intakeId: string;

  @Field()
  firstName: string;

  @Field()
  lastName: string;

  @Field()
  fullName: string;

  @Field()
  email: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  nationality: string;

  @Field({ description: 'Needs a type-D visa to enter the country (visa-regime nationality).' })
  needsVisa: boolean;

  @Field()
  priorInstitution: string;

  @Field()
  priorDegree: string;

  @Field(() => Int, { description: 'Completed bachelor-level ECTS credits.' })
  ects: number;

  @Field(() => Grade)
  grade: Grade;

  @Field({ description: 'Design or arts studies (required by programs such as VACD).' })
  relevantBackground: boolean;

  @Field(() => [String], { description: 'Codes of the courses passed, matched against prerequisites.' })
  completedCourses: string[];

  @Field(() => AdmissionRoute)
  route: AdmissionRoute;

  /** The status as the committee sees it, and as a member conflicted with the applicant does (see the resolver). */
  statusWithDecisions: ApplicationStatus;
  statusWithPublishedDecisions: ApplicationStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  withdrawnAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the personal data was erased (names, emails, documents, texts); what statistics need is kept.' })
  anonymisedAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;
}

export const { Connection: ApplicantConnection } = connectionTypes(ApplicantNode, 'Applicant');
