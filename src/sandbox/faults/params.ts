import { parseQuantity } from '../../kube/quantity.ts';
import { badRequest, type ParamSpec, type Params } from './types.ts';

/**
 * Checks request parameters against a fault type's specs: unknown names, wrong types and values out
 * of range are 400s naming the parameter. Numbers may arrive as numeric strings.
 */
export function validateParams(type: string, specs: ParamSpec[], input: unknown): Params {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) throw badRequest('params must be a JSON object');
  const out: Params = {};
  for (const [name, raw] of Object.entries(input as Record<string, unknown>)) {
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      const known = specs.map((s) => s.name).join(', ') || 'none';
      throw badRequest(`unknown param "${name}" for ${type} (known: ${known})`);
    }
    if (spec.type === 'number') {
      const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw badRequest(`param "${name}" must be a number`);
      if (spec.min !== undefined && value < spec.min)
        throw badRequest(`param "${name}" must be >= ${spec.min}`);
      if (spec.max !== undefined && value > spec.max)
        throw badRequest(`param "${name}" must be <= ${spec.max}`);
      out[name] = value;
    } else {
      if (typeof raw !== 'string' || raw.trim() === '')
        throw badRequest(`param "${name}" must be a non-empty string`);
      out[name] = raw.trim();
    }
  }
  return out;
}

/** A memory quantity parameter (`768Mi`), as bytes. */
export function memoryParam(params: Params, name: string): number | undefined {
  const raw = params[name];
  if (raw === undefined) return undefined;
  const bytes = parseQuantity(raw);
  if (bytes === undefined || bytes <= 0)
    throw badRequest(`param "${name}" must be a memory quantity such as 768Mi`);
  return bytes;
}

/** A CPU quantity parameter (`1500m`, `2`), as cores. */
export function cpuParam(params: Params, name: string): number | undefined {
  const raw = params[name];
  if (raw === undefined) return undefined;
  const cores = parseQuantity(raw);
  if (cores === undefined || cores <= 0)
    throw badRequest(`param "${name}" must be a CPU quantity such as 1500m`);
  return cores;
}
