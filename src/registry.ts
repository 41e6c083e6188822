/**
 * Every registry (tools, commands, patterns, checks, providers…) is an explicit array; this rejects
 * one with two entries of one name when its module loads, so a copy-paste slip fails at once.
 */
export function assertUniqueNames<T>(
  entries: readonly T[],
  what: string,
  nameOf: (entry: T) => string = (entry) => (entry as { name: string }).name,
): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    const name = nameOf(entry);
    if (seen.has(name)) throw new Error(`duplicate ${what} ${name}`);
    seen.add(name);
  }
}

/** The registry itself once its names are checked: `export const FAULT_TYPES = uniquelyNamed([…], 'fault type')`. */
export function uniquelyNamed<T>(
  entries: readonly T[],
  what: string,
  nameOf?: (entry: T) => string,
): readonly T[] {
  assertUniqueNames(entries, what, nameOf);
  return entries;
}
