export enum DecisionOutcome {
  ADMIT = 'ADMIT',
  /** An undergraduate transfer offer (route TRANSFER, under 180 ECTS). */
  ADMIT_AS_TRANSFER = 'ADMIT_AS_TRANSFER',
  WAITLIST = 'WAITLIST',
  REJECT = 'REJECT',
}

/** Every acceptance is conditional in law; each condition of an admission is recorded and tracked. */
export enum AdmissionCondition {
  /** 10 courses / 60 ECTS of scientific preparation (route CONDITIONAL), passed with CGPA ≥ 2.5/4, no N/A or F. */
  PREPARATORY_COURSES = 'PREPARATORY_COURSES',
  /** The program's prerequisite courses the applicant has not passed, taken before starting. */
  MISSING_PREREQUISITES = 'MISSING_PREREQUISITES',
  /** No accepted certificate: the university's English proficiency exam on arrival. */
  ENGLISH_EXAM = 'ENGLISH_EXAM',
  /** No accepted certificate: the English Language School, at the level of a placement test (1–4). */
  ENGLISH_LANGUAGE_SCHOOL = 'ENGLISH_LANGUAGE_SCHOOL',
  /** Prior education officially recognised after arrival: on every admission. */
  RECOGNITION_OF_PRIOR_EDUCATION = 'RECOGNITION_OF_PRIOR_EDUCATION',
  /** A condition the committee adds, described in words (e.g. "final transcript with the thesis grade"). */
  COMMITTEE_REQUIREMENT = 'COMMITTEE_REQUIREMENT',
}

/** Why an applicant is rejected; each is accepted only where the facts bear it out. */
export enum RejectionReason {
  /** Documents photographed instead of scanned: the only reason an improper application is rejected for. */
  IMPROPER_DOCUMENTS = 'IMPROPER_DOCUMENTS',
  /** Regular route below 2.5/4 or 65/100. */
  MINIMUM_GRADE_NOT_MET = 'MINIMUM_GRADE_NOT_MET',
  MISSING_REFERENCES = 'MISSING_REFERENCES',
  /** The program requires a portfolio and none was submitted. */
  MISSING_PORTFOLIO = 'MISSING_PORTFOLIO',
  /** The program considers only applicants with a design or arts background. */
  NO_RELEVANT_BACKGROUND = 'NO_RELEVANT_BACKGROUND',
  /** The committee's academic judgement of a complete, proper file. */
  COMMITTEE_JUDGEMENT = 'COMMITTEE_JUDGEMENT',
}

/** Where one condition of an admission stands, judged from its evidence (decisions/policy.ts). */
export enum ConditionStatus {
  OUTSTANDING = 'OUTSTANDING',
  MET = 'MET',
  FAILED = 'FAILED',
}

/** Where an admission stands once its conditions are tracked. */
export enum AdmissionStatus {
  /** Some condition is still to be met. */
  CONDITIONS_OUTSTANDING = 'CONDITIONS_OUTSTANDING',
  /** Every condition is met: the admission is final. */
  FINAL = 'FINAL',
  /** A condition failed with no alternative left (for English: both the exam and the school failed). */
  CONDITION_FAILED = 'CONDITION_FAILED',
}

/** A preparatory course's result. */
export enum CourseOutcome {
  /** Passed with a grade on the 4-point scale. */
  GRADED = 'GRADED',
  /** F: a fail, which fails the preparatory condition. */
  FAIL = 'FAIL',
  /** N/A: not attended or no grade, which fails the preparatory condition too. */
  NOT_AVAILABLE = 'NOT_AVAILABLE',
}

export enum LanguageSchoolResult {
  ATTENDING = 'ATTENDING',
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
}

/** The office's steps after a decision, in their order (decisions/policy.ts says when each is open). */
export enum OfficeStep {
  PUBLISH = 'PUBLISH',
  RECORD_TUITION = 'RECORD_TUITION',
  ISSUE_LETTER = 'ISSUE_LETTER',
}
