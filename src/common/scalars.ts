import { DateTimeResolver, JSONObjectResolver, LocalDateResolver } from 'graphql-scalars';

/** A calendar date, `YYYY-MM-DD` (review weeks, intakes). */
export const DateScalar = LocalDateResolver;
/** An instant, RFC 3339 with offset. */
export const DateTimeScalar = DateTimeResolver;
/** A JSON object: audit rows' before and after, a subject-access export. */
export const JSONObjectScalar = JSONObjectResolver;

/**
 * The `pg` driver (as MikroORM configures it) returns timestamptz as text like
 * `2021-05-24 09:00:00.123+00`; turn it into a Date so the DateTime scalar serialises it.
 */
export function timestamp(value: string | Date): Date;
export function timestamp(value: string | Date | null | undefined): Date | null;
export function timestamp(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

/** `numeric` arrives as text; null stays null. */
export function numeric(value: string | number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
