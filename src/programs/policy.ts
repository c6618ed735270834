import { AppError, badInput } from '../common/errors';

/**
 * The rules of a program's set-up (DOMAIN.md, "Programs" and "Prior education"), as pure
 * predicates: what its rubric may contain and what its list of preparatory courses must be.
 */

/** A program without a portfolio requirement has no portfolio criterion (DOMAIN.md, Rubrics). */
const PORTFOLIO_KEY = /portfolio/i;

export function isPortfolioCriterion(key: string): boolean {
  return PORTFOLIO_KEY.test(key);
}

export function portfolioCriterionRefusal(key: string, portfolioRequired: boolean, field: string): AppError | null {
  return !portfolioRequired && isPortfolioCriterion(key)
    ? badInput(field, 'This program requires no portfolio, so its rubric has no portfolio criterion.')
    : null;
}

/** The conditional route's "scientific preparation": exactly this many bachelor-level courses and credits. */
export const PREPARATORY_COURSES = 10;
export const PREPARATORY_ECTS = 60;

/** Why this list cannot be a program's preparatory courses, or null. */
export function preparatoryCoursesRefusal(courses: readonly { code: string; ects: number }[]): AppError | null {
  if (courses.length !== PREPARATORY_COURSES) {
    return badInput('courses', `The preparatory courses are ${PREPARATORY_COURSES} courses (${courses.length} given).`);
  }
  const total = courses.reduce((sum, c) => sum + c.ects, 0);
  if (total !== PREPARATORY_ECTS) return badInput('courses', `The preparatory courses add up to ${PREPARATORY_ECTS} ECTS (these add up to ${total}).`);
  return null;
}
