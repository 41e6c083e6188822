/** Kubernetes resource quantities (`250m`, `1.5Gi`, `2e3`) as plain numbers in base units (cores, bytes) and back. */
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

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;

/** The API server's message for a malformed quantity. */
export const QUANTITY_MESSAGE =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** The value in base units; undefined for a missing or malformed quantity. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = QUANTITY.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * SUFFIXES[match[2] ?? ''];
}

/** Bytes as the shortest exact binary quantity (`768Mi`), else rounded up to Mi, else plain bytes. */
export function formatBytes(bytes: number): string {
  const rounded = Math.round(bytes);
  for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    const unit = SUFFIXES[suffix];
    if (rounded >= unit && rounded % unit === 0) return `${rounded / unit}${suffix}`;
  }
  if (rounded >= 2 ** 20) return `${Math.ceil(rounded / 2 ** 20)}Mi`;
  return String(rounded);
}

/** Cores as a CPU quantity (`1500m`, `2`). */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Cores as millicores, always (`250m`, `2000m`). */
export const formatMillicores = (cores: number) => `${Math.round(cores * 1000)}m`;

/** CPU as the metrics API reports it: nanocores (`12345678n`). */
export const formatNanoCores = (cores: number) => `${Math.max(0, Math.round(cores * 1e9))}n`;

/** Memory as the metrics API reports it: kibibytes (`65536Ki`). */
export const formatKibibytes = (bytes: number) => `${Math.max(0, Math.round(bytes / 1024))}Ki`;

/** Human-readable bytes for log lines and hints (`1.5GiB`). */
export function humanBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(value >= 100 || unit === 0 ? 0 : 1))}${units[unit]}`;
}
