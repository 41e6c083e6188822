/**
 * The sentence a person confirms before a change runs: built by our code from the validated,
 * typed arguments only — never from model text or tool output — and every value quoted when it is
 * not a plain name, so an argument cannot smuggle in line breaks or a fake prompt.
 */
type Args = Record<string, unknown>;

const plain = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /^[\w.:/@=-]{1,253}$/.test(s) ? s : JSON.stringify(s);
};

const inNamespace = (a: Args) =>
  `${a.namespace === undefined ? '' : `${plain(a.namespace)}/`}${plain(a.name)}${a.namespace === undefined ? ' (default namespace)' : ''}`;

const resources = (label: string, v: unknown) => {
  if (!v || typeof v !== 'object') return '';
  const parts = Object.entries(v as Args).map(([k, value]) => `${plain(k)}=${plain(value)}`);
  return parts.length ? `${label} ${parts.join(', ')}` : '';
};

const DESCRIBE: Record<string, (a: Args) => string> = {
  deployments_scale: (a) => `Scale deployment ${inNamespace(a)} to ${plain(a.replicas)} replicas`,
  deployments_restart: (a) => `Restart deployment ${inNamespace(a)} (every pod is replaced)`,
  deployments_rollback: (a) =>
    `Roll back deployment ${inNamespace(a)} to ${a.toRevision === undefined ? 'its previous revision' : `revision ${plain(a.toRevision)}`}`,
  deployments_set_resources: (a) =>
    `Set resources of container ${plain(a.container)} in deployment ${inNamespace(a)}: ${[resources('limits', a.limits), resources('requests', a.requests)].filter(Boolean).join('; ') || 'no change'}`,
  pods_delete: (a) => `Delete pod ${inNamespace(a)}`,
  nodes_cordon: (a) => `Cordon node ${plain(a.name)} (no new pods are scheduled there)`,
  nodes_uncordon: (a) => `Uncordon node ${plain(a.name)}`,
  nodes_drain: (a) => `Drain node ${plain(a.name)} (cordon it and evict its pods)`,
  alertmanager_silence_create: (a) =>
    `Silence alerts matching ${plain(a.matchers)} for ${plain(a.duration ?? '1h')} (comment: ${plain(a.comment)})`,
  alertmanager_silence_delete: (a) => `Delete (expire) silence ${plain(a.id)}`,
  resources_apply: (a) =>
    `Apply this manifest${a.namespace === undefined ? '' : ` in namespace ${plain(a.namespace)}`}:\n${String(
      a.manifest,
    )
      .split('\n')
      .map((line) => `    ${JSON.stringify(line).slice(1, -1)}`)
      .join('\n')}\n`,
};

/** `Scale deployment production/api-service to 10 replicas` (+ ` in context prod`). */
export function describeCall(tool: string, args: Args): string {
  const { context, dryRun: _dryRun, ...rest } = args;
  const text =
    DESCRIBE[tool]?.(args) ??
    `Run ${tool} with ${Object.entries(rest)
      .map(([k, v]) => `${k}=${plain(v)}`)
      .join(' ')}`;
  return context === undefined ? text : `${text} in context ${plain(context)}`;
}
