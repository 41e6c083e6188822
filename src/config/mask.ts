import type { Config } from './types.ts';

/** Keys whose values are credentials wherever they appear; a password shows nothing at all. */
const SECRET_KEYS = new Set(['apiKey', 'token', 'password']);
const URL_KEYS = new Set(['url', 'baseUrl']);

/** `****` plus the last four characters of a long secret, so two keys can be told apart without being shown. */
export const maskSecret = (secret: string) => (secret.length >= 16 ? `****${secret.slice(-4)}` : '****');

/** `https://user:pw@host/…` → `https://user:****@host/…`; a token in the query string goes too. */
export function maskUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  const secretParams = [...url.searchParams.keys()].filter((k) => /token|key|secret|password/i.test(k));
  if (!url.password && !secretParams.length) return text;
  if (url.password) url.password = '****';
  for (const key of secretParams) url.searchParams.set(key, '****');
  return url.href;
}

/** A copy of the configuration safe to print: credentials masked, everything else as loaded. */
export function maskConfig(config: Config): Config {
  const walk = (node: unknown, key: string): unknown => {
    if (typeof node === 'string') {
      if (key === 'password') return '****';
      if (SECRET_KEYS.has(key)) return maskSecret(node);
      if (URL_KEYS.has(key)) return maskUrl(node);
      return node;
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, key));
    if (node !== null && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
    return node;
  };
  return walk(config, '') as Config;
}

/** `llm.apiKey  ****abcd` rows for people: one per leaf, lists joined, empty lists and nulls shown as such. */
export function flattenConfig(node: unknown, prefix = ''): [string, string][] {
  if (Array.isArray(node)) {
    if (!node.length) return [[prefix, '[]']];
    if (node.every((v) => typeof v !== 'object' || v === null)) return [[prefix, node.join(', ')]];
    return node.flatMap((v, i) => flattenConfig(v, `${prefix}[${i}]`));
  }
  if (node !== null && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => flattenConfig(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, node === null ? '(not set)' : String(node)]];
}
