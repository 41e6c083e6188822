import { stringify } from 'yaml';
import { isSensitiveName, LAST_APPLIED } from '../../k8s/redact.ts';

export type OutputFormat = 'yaml' | 'json';

/**
 * Prepares an object for a model to read: drops managedFields (noise), replaces the last-applied
 * annotation (a second copy of everything, literal env values included) and masks env values whose
 * names say they are credentials. Secret data was already masked by the access layer.
 */
export function forDisplay<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    if (key === 'env') return value.map(maskEnv);
    return value.map((v) => clean(v));
  }
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'managedFields') continue;
    if (k === 'annotations' && v && typeof v === 'object' && LAST_APPLIED in v) {
      out[k] = { ...(v as object), [LAST_APPLIED]: '<omitted>' };
      continue;
    }
    out[k] = clean(v, k);
  }
  return out;
}

function maskEnv(env: unknown): unknown {
  const e = env as { name?: string; value?: string };
  if (e && typeof e === 'object' && typeof e.value === 'string' && e.name && isSensitiveName(e.name)) {
    return { ...e, value: '<redacted>' };
  }
  return clean(env);
}

/** The whole object as YAML or JSON, cleaned for display. */
export async function render(value: unknown, format: OutputFormat): Promise<string> {
  const shown = forDisplay(value);
  if (format === 'json') return JSON.stringify(shown, null, 2);
  return stringify(shown, { lineWidth: 0 }).trimEnd();
}
