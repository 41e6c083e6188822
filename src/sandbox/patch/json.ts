import { badRequest } from '../core/errors.ts';

/** Plain JSON values as the patch algorithms see them. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An own property only: patch keys such as `constructor` or `__proto__` must never reach the prototype. */
export const has = (obj: JsonObject, key: string): boolean => Object.hasOwn(obj, key);

export const get = (obj: JsonObject, key: string): Json | undefined => (has(obj, key) ? obj[key] : undefined);

/** Assignment that stays an own data property even for `__proto__`. */
export function put(obj: JsonObject, key: string, value: Json): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

export const clone = <T>(value: T): T => structuredClone(value);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => has(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Parses a request body as JSON; a syntax error is the client's fault, so it is a 400 naming the problem. */
export function parseJsonBody(body: string, what: string): Json {
  try {
    return JSON.parse(body) as Json;
  } catch (err) {
    throw badRequest(`error decoding ${what}: ${(err as Error).message}`);
  }
}

/** A short rendering of a value for error messages, bounded so a huge patch cannot flood a reply. */
export function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
