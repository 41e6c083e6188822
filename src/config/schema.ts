import { z } from 'zod';
import { parseProtectedRule } from '../policy/policy.ts';
import { findPreset, PROVIDER_PRESETS } from './presets.ts';
import { suggestion } from './suggest.ts';

/** Whole numbers; a string of digits (what `${PORT}` gives) counts as its number. */
const int = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
    z.number().int().min(min).max(max),
  );

/** true/false; the strings "true" and "false" (what `${READ_ONLY}` gives) count too. */
const bool = () => z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

const text = () => z.string().min(1);
/** Optional text; an empty string (what `${NAME:-}` gives) means not set. */
const nullableText = () => z.preprocess((v) => (v === '' ? null : v), text().nullable()).default(null);
const list = () => z.array(text()).default([]);

/** A check on one value whose failure is a complete sentence (`describeIssue` prints custom issues as they are). */
const checked = <T extends z.ZodType>(schema: T, problem: (value: z.infer<T>) => string | undefined) =>
  schema.superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });

export const isHttpUrl = (s: string) => {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && Boolean(u.host);
  } catch {
    return false;
  }
};

const httpUrl = () =>
  z
    .preprocess(
      (v) => (v === '' ? null : v),
      checked(text(), (s) => (isHttpUrl(s) ? undefined : `expected an http(s) URL, got "${s}"`)).nullable(),
    )
    .default(null);

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const namespaces = () =>
  z
    .array(
      checked(text(), (ns) =>
        DNS_LABEL.test(ns)
          ? undefined
          : `"${ns}" is not a namespace name (lower-case letters, digits and '-')`,
      ),
    )
    .default([]);

const protectRules = () =>
  z
    .array(
      checked(text(), (rule) => {
        try {
          parseProtectedRule(rule);
          return undefined;
        } catch (err) {
          return (err as Error).message;
        }
      }),
    )
    .default([]);

const providerName = () =>
  checked(text(), (name) => {
    if (findPreset(name)) return undefined;
    const families = PROVIDER_PRESETS.filter((p) => p.name === p.provider).map((p) => p.name);
    const presets = PROVIDER_PRESETS.filter((p) => p.name !== p.provider).map((p) => p.name);
    return `expected one of ${families.join(', ')} (or a preset: ${presets.join(', ')}), got "${name}"${suggestion(
      name,
      PROVIDER_PRESETS.map((p) => p.name),
    )}`;
  });

const auth = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('bearer'), token: text() }),
    z.strictObject({ type: z.literal('basic'), username: text(), password: z.string() }),
  ])
  .nullable()
  .default(null);

const endpoint = z
  .strictObject({ url: httpUrl(), auth, timeoutMs: int(100, 600_000).default(10_000) })
  .prefault({});

const cluster = z.strictObject({ name: text(), kubeconfig: nullableText(), context: nullableText() });

/** checks.ts resolves the preset and what it needs (an endpoint, a key). */
const llm = z
  .strictObject({
    provider: providerName(),
    baseUrl: httpUrl(),
    apiKey: nullableText(),
    model: text(),
    maxSteps: int(1, 100).default(10),
    maxTokens: int(1_000, 10_000_000).default(100_000),
    timeoutMs: int(1_000, 3_600_000).default(120_000),
  })
  .nullable()
  .default(null);

const policy = z
  .strictObject({
    readOnly: bool().default(false),
    dryRun: bool().default(false),
    allowNamespaces: namespaces(),
    denyNamespaces: namespaces(),
    protect: protectRules(),
  })
  .prefault({});

const gateway = z
  .strictObject({
    host: text().default('127.0.0.1'),
    port: int(0, 65_535).default(8080),
    auth,
    maxBodyBytes: int(1_024, 100 * 1024 * 1024).default(1024 * 1024),
    groupBy: list().prefault(['alertname', 'namespace']),
    groupWindowSeconds: int(0, 86_400).default(300),
    retentionDays: int(1, 3_650).default(30),
  })
  .prefault({});

/** `config.json` after `${ENV}` substitution: types, ranges and defaults. Unknown keys are errors. */
export const FILE_SCHEMA = z.strictObject({
  clusters: z.array(cluster).default([]),
  prometheus: endpoint,
  alertmanager: endpoint,
  llm,
  policy,
  gateway,
  dataDir: nullableText(),
});

export type ParsedFile = z.infer<typeof FILE_SCHEMA>;

/** Fields whose missing value deserves a word on what to write. */
export const HINTS: Record<string, string> = {
  'llm.provider': 'e.g. "deepseek", "openai-compatible" or "anthropic"',
  'llm.model': 'the model name the provider serves, e.g. "deepseek-chat"',
  'clusters[].name': 'a short name for the cluster, e.g. "prod"',
};
