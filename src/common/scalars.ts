import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONObjectResolver, LocalDateResolver } from 'graphql-scalars';

/**
 * The years a date or instant given to the API may fall in. PostgreSQL takes years from 4713 BC
 * to 294276 AD and JavaScript others again; no admission date is outside this range, and a value
 * outside it is a typo (`0000-01-01`, `20211-10-01`) that must be refused by name, not stored.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** How a scalar declares a check of its input, applied with the field's name by input-limits.ts. */
export type ScalarInputCheck = (value: string) => string | null;

function yearProblem(value: string): string | null {
  const year = /^([+-]?\d+)-/.exec(value.trim())?.[1];
  if (year === undefined) return null;
  const number = Number(year);
  return number >= MIN_YEAR && number <= MAX_YEAR ? null : `must be a date from ${MIN_YEAR} to ${MAX_YEAR}, not ${value}.`;
}

function withYearRange(scalar: GraphQLScalarType, description: string): GraphQLScalarType {
  const config = scalar.toConfig();
  return new GraphQLScalarType({ ...config, description: `${description} Years ${MIN_YEAR} to ${MAX_YEAR}.`, extensions: { ...config.extensions, inputCheck: yearProblem satisfies ScalarInputCheck } });
}

/** A calendar date, `YYYY-MM-DD` (review weeks, intakes). */
export const DateScalar = withYearRange(LocalDateResolver, 'A calendar date, `YYYY-MM-DD` (no time zone), e.g. `2021-10-01`.');
/** An instant, RFC 3339 with offset. */
export const DateTimeScalar = withYearRange(DateTimeResolver, 'An instant, RFC 3339 with an offset, e.g. `2021-05-24T09:00:00Z`.');
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
