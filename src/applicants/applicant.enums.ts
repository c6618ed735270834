export enum GradeScale {
  /** CGPA out of 4 */
  FOUR_POINT = 'FOUR_POINT',
  /** percentage-style, out of 100 */
  HUNDRED_POINT = 'HUNDRED_POINT',
}

export enum EnglishTest {
  IELTS_ACADEMIC = 'IELTS_ACADEMIC',
  TOEFL_IBT = 'TOEFL_IBT',
}

export enum AdmissionRoute {
  TRANSFER = 'TRANSFER',
  CONDITIONAL = 'CONDITIONAL',
  REGULAR = 'REGULAR',
}

export enum EnglishPath {
  /** An accepted certificate at or above the minimum. */
  CERTIFICATE = 'CERTIFICATE',
  /** No accepted certificate: the university's exam on arrival, or the English Language School by placement. */
  PROFICIENCY_EXAM_OR_LANGUAGE_SCHOOL = 'PROFICIENCY_EXAM_OR_LANGUAGE_SCHOOL',
}

/** Where an application stands; derived from stored facts, never stored itself. */
export enum ApplicationStatus {
  WITHDRAWN = 'WITHDRAWN',
  /** A document was photographed instead of scanned: the application can only be rejected. */
  IMPROPER = 'IMPROPER',
  INCOMPLETE = 'INCOMPLETE',
  COMPLETE = 'COMPLETE',
  SCHEDULED = 'SCHEDULED',
  REVIEWED = 'REVIEWED',
  DECIDED = 'DECIDED',
}

/**
 * What the rules find in an application, by stable code: a client renders its own text from
 * the code, and refusals list the codes of what is missing (`extensions.problems`).
 */
export enum EligibilityProblemCode {
  /** Photographed instead of scanned: improper, it cannot be scheduled and can only be rejected. */
  IMPROPER_DOCUMENTS = 'IMPROPER_DOCUMENTS',
  /** Fewer received academic reference letters than the program requires. */
  MISSING_REFERENCES = 'MISSING_REFERENCES',
  /** The program requires a submitted portfolio with at least one item. */
  MISSING_PORTFOLIO = 'MISSING_PORTFOLIO',
  /** The program considers only applicants with a design or arts background. */
  NO_RELEVANT_BACKGROUND = 'NO_RELEVANT_BACKGROUND',
  /** Needs a type-D visa and the week is the intake's last (visa-free) one. */
  NEEDS_VISA_IN_VISA_FREE_WEEK = 'NEEDS_VISA_IN_VISA_FREE_WEEK',
  WITHDRAWN = 'WITHDRAWN',
  /** Under 180 ECTS: only an undergraduate transfer can be offered. */
  TRANSFER_ROUTE = 'TRANSFER_ROUTE',
  /** 180–239 ECTS: an admission carries the preparatory courses. */
  CONDITIONAL_ROUTE = 'CONDITIONAL_ROUTE',
  /** Regular route below 2.5/4 or 65/100. */
  MINIMUM_GRADE_NOT_MET = 'MINIMUM_GRADE_NOT_MET',
  /** No accepted IELTS/TOEFL certificate: the English exam or the English Language School applies. */
  NO_ACCEPTED_ENGLISH_CERTIFICATE = 'NO_ACCEPTED_ENGLISH_CERTIFICATE',
  /** Prerequisite courses to take before starting (never a reason to reject). */
  MISSING_PREREQUISITES = 'MISSING_PREREQUISITES',
  /** Needs a type-D visa: not in the intake's last week. */
  NEEDS_VISA = 'NEEDS_VISA',
  /** 180 ECTS or more: a transfer offer is only for the transfer route. */
  NOT_TRANSFER_ROUTE = 'NOT_TRANSFER_ROUTE',
}
