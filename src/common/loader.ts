import DataLoader from 'dataloader';

/**
 * DataLoader batch helpers: one SQL statement per relation per tick, results handed back in
 * key order as DataLoader requires.
 */
export function loaderById<T>(fetch: (ids: readonly string[]) => Promise<T[]>, idOf: (row: T) => string) {
  return new DataLoader<string, T | null>(async (ids) => {
    const byId = new Map((await fetch(ids)).map((row) => [idOf(row), row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function loaderByParent<T>(fetch: (parentIds: readonly string[]) => Promise<T[]>, parentOf: (row: T) => string) {
  return new DataLoader<string, T[]>(async (parentIds) => {
    const grouped = new Map<string, T[]>();
    for (const row of await fetch(parentIds)) {
      const key = parentOf(row);
      const list = grouped.get(key);
      if (list) list.push(row);
      else grouped.set(key, [row]);
    }
    return parentIds.map((id) => grouped.get(id) ?? []);
  });
}

/**
 * A loader answered from another loader's batch: several relations fetched by one statement
 * (see dossiersByApplicant) and still loaded by name in resolvers.
 */
export function loaderPart<T, P>(source: DataLoader<string, T | null>, pick: (whole: T | null) => P) {
  return new DataLoader<string, P>(async (ids) =>
    (await source.loadMany(ids)).map((whole) => {
      if (whole instanceof Error) throw whole;
      return pick(whole);
    }),
  );
}

/** Reads an object again after a write in the same operation (the loader may hold an older copy). */
export async function reload<T>(loader: DataLoader<string, T | null>, id: string): Promise<T> {
  const row = await loader.clear(id).load(id);
  if (!row) throw new Error(`Row ${id} vanished right after it was written`);
  return row;
}
