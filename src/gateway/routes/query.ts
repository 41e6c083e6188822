import type { Context } from 'hono';

/** Query parameters read strictly: a bad value is a 400 naming the parameter and what it accepts. */
export class BadQuery extends Error {
  override readonly name = 'BadQuery';
}

/** `?status=open,analyzing` and `?status=open&status=analyzing` alike; each checked against `allowed`. */
export function listParam<T extends string>(
  c: Context,
  name: string,
  allowed: readonly T[],
): T[] | undefined {
  const values = (c.req.queries(name) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const v of values)
    if (!(allowed as readonly string[]).includes(v))
      throw new BadQuery(`${name}: unknown value '${v}'; use one of ${allowed.join(', ')}`);
  return values.length ? (values as T[]) : undefined;
}

export function intParam(c: Context, name: string, min: number, max: number): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new BadQuery(`${name}: expected a whole number from ${min} to ${max}, got '${raw}'`);
  return n;
}

export function timeParam(c: Context, name: string): string | undefined {
  const raw = c.req.query(name);
  if (raw === undefined) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms))
    throw new BadQuery(`${name}: expected an RFC 3339 time like 2025-03-01T10:00:00Z, got '${raw}'`);
  return new Date(ms).toISOString();
}
