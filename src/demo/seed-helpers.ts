/** Small helpers of the demo seed. */

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Demo data: ${message}`);
}

/** A rule of a policy module holds for the demo's table (its refusal is the seed's error). */
export function ruleHolds(refusal: Error | null, what: string): void {
  invariant(refusal === null, `${what}: ${refusal?.message}`);
}

export function get<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  invariant(value !== undefined, `unknown key ${String(key)}`);
  return value;
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

