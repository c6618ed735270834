import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PrerequisiteCourseType } from '../programs/program.type';
import { AdmissionRoute, EnglishPath } from './applicant.enums';

@ObjectType('Eligibility', { description: 'Every admission rule of the program, computed from stored facts.' })
export class EligibilityType {
  @Field(() => AdmissionRoute)
  route: AdmissionRoute;

  @Field(() => Float, { description: "The minimum grade on the applicant's own scale (2.5 of 4, 65 of 100)." })
  minimumGrade: number;

  @Field({ description: 'Judged on the applicant’s own scale; binding on the regular route.' })
  minimumGradeMet: boolean;

  @Field(() => EnglishPath)
  englishPath: EnglishPath;

  @Field()
  englishCertificateAccepted: boolean;

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

  @Field()
  documentsAcceptable: boolean;

  @Field({ description: 'References, portfolio (where required) and acceptable documents are all in.' })
  complete: boolean;

  @Field(() => [ID], { description: 'Review weeks of the intake the applicant may be scheduled in (visa rule).' })
  allowedReviewWeekIds: string[];

  @Field(() => [String], { description: 'Human-readable findings for the committee.' })
  issues: string[];
}
