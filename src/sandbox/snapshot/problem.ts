/** The first thing wrong with an object: which field, and what. */
export interface Problem {
  field?: string;
  message: string;
}

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
export const shown = (v: unknown) =>
  Array.isArray(v) ? 'a list' : v === null ? 'null' : `${typeof v} ${JSON.stringify(v)}`;

export function stringMap(value: unknown, path: string): Problem | undefined {
  if (value === undefined) return undefined;
  if (!isObj(value)) return { field: path, message: 'must be a mapping of strings' };
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string')
      return { field: `${path}.${key}`, message: `must be a string, not ${shown(v)} (quote it)` };
  }
  return undefined;
}
