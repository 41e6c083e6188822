/** Kubernetes resource quantities (`100m`, `1.5`, `512Mi`, `2G`, `1e3`) as plain numbers of the base unit. */

const SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;

/** The quantity's value (cores for cpu, bytes for memory); undefined when missing or malformed. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const m = QUANTITY.exec(value.trim());
  if (!m) return undefined;
  const n = Number.parseFloat(m[1]);
  return Number.isNaN(n) ? undefined : n * SUFFIXES[m[2] ?? ''];
}

/** Bytes the way the API server canonicalises binary quantities: `512Mi`, `1Gi`, `1536Ki`. */
export function formatBytes(bytes: number): string {
  const rounded = Math.round(bytes);
  for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    const unit = SUFFIXES[suffix];
    if (rounded >= unit && rounded % unit === 0) return `${rounded / unit}${suffix}`;
  }
  return String(rounded);
}

/** CPU cores as millicores: `250m`. */
export const formatMillicores = (cores: number) => `${Math.round(cores * 1000)}m`;
