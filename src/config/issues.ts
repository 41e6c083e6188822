import type { z } from 'zod';
import { jsonPath, valueAt } from './path.ts';
import { suggestion } from './suggest.ts';

export interface ConfigIssue {
  /** `llm.provider`, `clusters[0].context`. */
  path: string;
  message: string;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The keys an object in the schema at `path` accepts (through arrays, defaults, unions and pipes). */
export function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const d = defOf(schema);
  if (d.innerType) return knownKeys(d.innerType, path);
  if (d.type === 'pipe') return knownKeys(d.out?._zod.def.type === 'transform' ? d.in! : d.out!, path);
  if (d.options) return [...new Set(d.options.flatMap((o) => knownKeys(o, path)))];
  if (d.type === 'array' && d.element)
    return knownKeys(d.element, typeof path[0] === 'number' ? path.slice(1) : path);
  if (d.type !== 'object' || !d.shape) return [];
  if (!path.length) return Object.keys(d.shape);
  const next = typeof path[0] === 'string' ? d.shape[path[0]] : undefined;
  return next ? knownKeys(next, path.slice(1)) : [];
}

const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

const article = (type: string) =>
  ({
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
    object: 'an object',
    array: 'a list',
  })[type] ?? type;

export interface DescribeOptions {
  /** What to say for a missing field, by path with indices as `[]`: `clusters[].name`. */
  hints?: Record<string, string>;
  /** `key` in a config file, `argument` in a tool call. */
  keyWord?: string;
}

/** Zod's issue as one precise sentence: what the field expects, what it got, and a suggestion when one fits. */
export function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  schema: z.ZodType,
  options: DescribeOptions = {},
): ConfigIssue[] {
  const hints = options.hints ?? {};
  const got = valueAt(input, issue.path);
  const path = jsonPath(issue.path);
  const hintKey = path.replace(/\[\d+\]/g, '[]');
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, issue.path);
      return issue.keys.map((key) => ({
        path: jsonPath([...issue.path, key]),
        message: `unknown ${options.keyWord ?? 'key'}${suggestion(key, known)}${known.length ? ` (known here: ${known.join(', ')})` : ''}`,
      }));
    }
    case 'invalid_type':
      if (got === undefined)
        return [{ path, message: `required${hints[hintKey] ? `: ${hints[hintKey]}` : ''}` }];
      return [{ path, message: `expected ${article(issue.expected)}, got ${show(got)}` }];
    case 'invalid_value':
      return [
        {
          path,
          message: `expected ${issue.values.length > 1 ? 'one of ' : ''}${issue.values.join(', ')}, got ${show(got)}${typeof got === 'string' ? suggestion(got, issue.values.map(String)) : ''}`,
        },
      ];
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options)
        return [
          {
            path,
            message: `expected one of ${options.join(', ')}, got ${show(got)}${typeof got === 'string' ? suggestion(got, options.map(String)) : ''}`,
          },
        ];
      return [{ path, message: `${show(got)} matches none of the accepted forms` }];
    }
    case 'too_small':
      if (issue.origin === 'string') return [{ path, message: 'must not be empty' }];
      return [{ path, message: `must be at least ${issue.minimum}, got ${show(got)}` }];
    case 'too_big':
      return [{ path, message: `must be at most ${issue.maximum}, got ${show(got)}` }];
    case 'custom':
      return [{ path, message: issue.message }];
    default:
      return [{ path, message: `${issue.message}, got ${show(got)}` }];
  }
}
