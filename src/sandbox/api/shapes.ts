import { parseQuantity, QUANTITY_MESSAGE } from '../../kube/quantity.ts';
import { META_RULES, RULES_BY_KIND, type Shape } from './shape-rules.ts';

/** Checks decoded bodies against shape-rules.ts, wording failures as Go's JSON decoder does. */
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const jsonType = (v: unknown) =>
  Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v === 'object' ? 'object' : typeof v;

const GO_TYPE: Record<Shape, string> = {
  string: 'string',
  int32: 'int32',
  int64: 'int64',
  boolean: 'bool',
  object: 'struct',
  stringMap: 'map[string]string',
  stringArray: '[]string',
  objectArray: '[]struct',
  intOrString: 'intstr.IntOrString',
  quantityMap: 'v1.ResourceList',
};

const isInt = (v: unknown, bits: 32 | 64) =>
  typeof v === 'number' &&
  Number.isInteger(v) &&
  (bits === 64 ? Number.isSafeInteger(v) : Math.abs(v) < 2 ** 31);

function fits(value: unknown, shape: Shape): boolean {
  switch (shape) {
    case 'string':
      return typeof value === 'string';
    case 'int32':
      return isInt(value, 32);
    case 'int64':
      return isInt(value, 64);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isRecord(value);
    case 'stringMap':
      return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
    case 'stringArray':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'objectArray':
      return Array.isArray(value) && value.every(isRecord);
    case 'intOrString':
      return typeof value === 'string' || isInt(value, 32);
    case 'quantityMap':
      return isRecord(value);
  }
}

/** The first decoding error in `obj` as the real server words it, or undefined when it decodes. */
export function shapeError(kind: string, obj: Record<string, unknown>): string | undefined {
  for (const [path, shape] of [...META_RULES, ...(RULES_BY_KIND[kind] ?? [])]) {
    const error = check(obj, path.split('.'), shape, `${kind}.${path}`);
    if (error) return error;
  }
  return undefined;
}

function check(value: unknown, segments: string[], shape: Shape, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (segments.length === 0) {
    if (!fits(value, shape)) {
      return `json: cannot unmarshal ${jsonType(value)} into Go struct field ${field.replaceAll('[]', '')} of type ${GO_TYPE[shape]}`;
    }
    if (shape === 'quantityMap') {
      for (const v of Object.values(value as Record<string, unknown>)) {
        if (parseQuantity(v) === undefined) return QUANTITY_MESSAGE;
      }
    }
    return undefined;
  }
  if (!isRecord(value)) return undefined; // the parent's own rule reports it
  const [segment, ...rest] = segments;
  const each = segment.endsWith('[]');
  const key = each ? segment.slice(0, -2) : segment;
  const child = Object.hasOwn(value, key) ? value[key] : undefined;
  if (!each) return check(child, rest, shape, field);
  if (!Array.isArray(child)) return undefined;
  for (const item of child) {
    const error = check(item, rest, shape, field);
    if (error) return error;
  }
  return undefined;
}
