import { badInput } from './errors';

/** Small input checks shared by the services; each names the field at fault. */

/**
 * What every argument is held to before any resolver runs (input-limits.ts), whatever its
 * service checks later: no text longer than the longest any field takes (a comment, 5,000), and
 * no input list longer than this unless its input field declares a maximum of its own.
 */
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_INPUT_LIST_ITEMS = 100;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL could not store this text (NUL: `text` and `jsonb` refuse it), or null. */
export function textProblem(text: string, maxLength: number): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters.';
  // A surrogate without its pair is no character: PostgreSQL's JSON refuses it, and text would store U+FFFD instead.
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (a lone surrogate was sent).';
  if (text.length > maxLength) return `must be at most ${maxLength} characters.`;
  return null;
}

export function requireText(field: string, value: string | undefined | null, maxLength = 500): string {
  const text = value?.trim() ?? '';
  if (text.length === 0) throw badInput(field, `${field} must not be empty.`);
  const problem = textProblem(text, maxLength);
  if (problem) throw badInput(field, `${field} ${problem}`);
  return text;
}

export function optionalText(field: string, value: string | undefined | null, maxLength = 5000): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  return requireText(field, value, maxLength);
}

export function requireIntegerBetween(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(field, `${field} must be an integer from ${min} to ${max}.`);
  return value;
}

export function requireNumberBetween(field: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) throw badInput(field, `${field} must be from ${min} to ${max}.`);
  return value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function requireEmail(field: string, value: string): string {
  const email = value.trim().toLowerCase();
  if (!EMAIL.test(email)) throw badInput(field, `"${value}" is not an email address.`);
  return email;
}

/**
 * For partial updates: a field left out keeps its value, but `null` for a field that cannot be
 * empty is refused by name (rather than reaching the database's not-null check).
 */
export function refuseNulls(input: object, nullable: string[] = []): void {
  for (const [field, value] of Object.entries(input)) {
    if (value === null && !nullable.includes(field)) throw badInput(field, `${field} cannot be null; leave it out to keep it.`);
  }
}
