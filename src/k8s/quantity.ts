/** Kubernetes resource quantities (`250m`, `1.5`, `128Mi`, `1G`, `2e3`) as plain numbers and back. */
const SUFFIX: Record<string, number> = {
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

/** The value in base units (cores, bytes); NaN when it is not a quantity. */
export function parseQuantity(text: string | number | undefined): number {
  if (typeof text === 'number') return text;
  const match = QUANTITY.exec(String(text ?? '').trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * SUFFIX[match[2] ?? ''];
}

export const isQuantity = (text: string): boolean => QUANTITY.test(text.trim());

/** `250m`, `2` — how kubectl top shows CPU. */
export const formatCpu = (cores: number): string => `${Math.round(cores * 1000)}m`;

/** `128Mi`, `1.5Gi` — how kubectl top shows memory. */
export function formatMemory(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1).replace(/\.0$/, '')}Gi`;
  return `${Math.round(bytes / 2 ** 20)}Mi`;
}
