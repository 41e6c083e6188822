/** Kubernetes resource quantities (`250m`, `1.5Gi`, `2e3`) as plain numbers in base units. */
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

export const QUANTITY_MESSAGE =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
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

/** The value in base units (cores, bytes), or undefined when `value` is not a quantity. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = QUANTITY.exec(value.trim());
  if (!match) return undefined;
  const [, digits, suffix] = match;
  const base = Number(digits);
  if (!suffix) return base;
  if (suffix[0] === 'e' || suffix[0] === 'E') return base * 10 ** Number(suffix.slice(1));
  return base * SUFFIX[suffix];
}

/** CPU as the metrics API reports it: nanocores (`12345678n`). */
export const formatNanoCores = (cores: number) => `${Math.max(0, Math.round(cores * 1e9))}n`;

/** Memory as the metrics API reports it: kibibytes (`65536Ki`). */
export const formatKibibytes = (bytes: number) => `${Math.max(0, Math.round(bytes / 1024))}Ki`;
