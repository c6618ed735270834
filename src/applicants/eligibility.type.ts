import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PrerequisiteCourseType } from '../programs/program.type';
import { AdmissionRoute, EligibilityProblemCode, EnglishPath } from './applicant.enums';
import { EnglishCertificate } from './applicant.type';

@ObjectType('EligibilityProblem', { description: 'One finding of the admission rules, by stable code, with what it blocks.' })
export class EligibilityProblemType {
  @Field(() => EligibilityProblemCode)
  code: EligibilityProblemCode;

  @Field()
  message: string;

  @Field({ description: 'The applicant cannot be put on a review agenda while this holds.' })
  blocksScheduling: boolean;

  @Field({ description: 'The applicant cannot be admitted (nor as a transfer) while this holds.' })
  blocksAdmission: boolean;
}

@ObjectType('Eligibility', { description: 'Every admission rule of the program, computed from stored facts (applicants/policy.ts).' })
export class EligibilityType {
  @Field(() => AdmissionRoute)
  route: AdmissionRoute;

  @Field(() => Float, { description: "The minimum grade on the applicant's own scale (2.5 of 4, 65 of 100)." })
  minimumGrade: number;

  @Field({ description: 'Judged on the applicant’s own scale; binding on the regular route.' })
  minimumGradeMet: boolean;

  @Field(() => EnglishPath)
  englishPath: EnglishPath;

  @Field({ description: 'Some certificate is at or above its minimum (IELTS Academic 6.0, TOEFL iBT 79).' })
  englishCertificateAccepted: boolean;

  @Field(() => EnglishCertificate, { nullable: true, description: 'The certificate that counts, of all the applicant holds.' })
  bestEnglishCertificate: EnglishCertificate | null;

  @Field(() => [PrerequisiteCourseType], { description: 'To take before starting; never a reason to reject.' })
  missingPrerequisites: PrerequisiteCourseType[];

  @Field(() => Int)
  academicReferencesReceived: number;

  @Field(() => Int)
  academicReferencesRequired: number;

  @Field()
  referencesComplete: boolean;

  @Field()
  portfolioRequired: boolean;

  @Field()
  portfolioSubmitted: boolean;

  @Field()
  relevantBackgroundMet: boolean;

  @Field(() => [String], { description: 'File names of documents photographed instead of scanned.' })
  photographedDocuments: string[];

  @Field({ description: 'No document was photographed: false makes the application improper (it can only be rejected).' })
  documentsAcceptable: boolean;

  @Field({ description: 'References, portfolio (where required) and acceptable documents are all in.' })
  complete: boolean;

  @Field({ description: 'Proper, complete and considered by the program: may be put on a review agenda.' })
  schedulable: boolean;

  @Field(() => [ID], { description: 'Review weeks of the intake the applicant may be scheduled in (the visa rule).' })
  allowedReviewWeekIds: string[];

  @Field(() => [EligibilityProblemType], { description: 'What the rules find, with what each finding blocks.' })
  problems: EligibilityProblemType[];

  @Field(() => [String], { description: 'The problems in words, for the committee.' })
  issues: string[];
}
