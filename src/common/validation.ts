import { badInput } from './errors';

/** Small input checks shared by the services; each names the field at fault. */

export function requireText(field: string, value: string | undefined | null, maxLength = 500): string {
  const text = value?.trim() ?? '';
  if (text.length === 0) throw badInput(field, `${field} must not be empty.`);
  if (text.includes('\u0000')) throw badInput(field, `${field} must not contain NUL characters.`);
  if (text.length > maxLength) throw badInput(field, `${field} must be at most ${maxLength} characters.`);
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
