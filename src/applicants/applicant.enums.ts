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
  INCOMPLETE = 'INCOMPLETE',
  COMPLETE = 'COMPLETE',
  SCHEDULED = 'SCHEDULED',
  REVIEWED = 'REVIEWED',
  DECIDED = 'DECIDED',
}
