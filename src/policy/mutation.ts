/** What a mutation acts on. `labels` are the target's labels as read just before, for label-based rules. */
export interface Target {
  context: string;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  labels?: Record<string, string>;
}

export interface ResourceValues {
  cpu?: string;
  memory?: string;
}

/** A container's limits and requests. */
export interface ResourceSettings {
  limits: ResourceValues;
  requests: ResourceValues;
}

/** The parameters of each kind of change; a verb is added here, and its check rules follow from the target. */
export interface MutationParams {
  scale: { replicas: number; previousReplicas: number };
  restart: Record<string, never>;
  rollback: { toRevision: number; fromRevision: number };
  'set-resources': {
    container: string;
    limits?: ResourceValues;
    requests?: ResourceValues;
    previous: ResourceSettings;
  };
  delete: { gracePeriodSeconds?: number };
  cordon: Record<string, never>;
  uncordon: Record<string, never>;
  drain: {
    ignoreDaemonSets: boolean;
    deleteEmptyDirData: boolean;
    force: boolean;
    gracePeriodSeconds?: number;
  };
  create: { manifest: Record<string, unknown> };
  patch: { manifest: Record<string, unknown> };
  /** An Alertmanager silence (target kind `Silence`, apiVersion `alertmanager/v2`); undone by expiring it. */
  silence: {
    matchers: SilenceMatcherSpec[];
    startsAt: string;
    endsAt: string;
    comment: string;
    createdBy: string;
  };
  /** Expire an Alertmanager silence by id; undone by creating it again. */
  'expire-silence': { id: string };
}

/** One label matcher of a silence, as Alertmanager's v2 API has it. */
export interface SilenceMatcherSpec {
  name: string;
  value: string;
  isRegex: boolean;
  /** false for `!=` / `!~`. */
  isEqual?: boolean;
}

export type MutationVerb = keyof MutationParams;

/**
 * A change to a cluster as a value: built by code from explicit arguments (a tool call, an approved
 * runbook step), never parsed out of logs, events or alert text. `inverse` is the change that undoes
 * it where one exists (scale back to the previous count, uncordon after cordon, roll back again).
 */
export type Mutation<V extends MutationVerb = MutationVerb> = {
  [K in V]: {
    verb: K;
    target: Target;
    params: MutationParams[K];
    /** Ask the API server to validate without persisting (`dryRun=All`). */
    dryRun?: boolean;
    inverse?: Mutation;
    /** Who asked: the tool, runbook or agent, for the audit log. */
    requestedBy: string;
  };
}[V];

/** `deployment production/api-service` — how a target reads in messages. */
export const describeTarget = (t: Target): string =>
  `${t.kind.toLowerCase()} ${t.namespace ? `${t.namespace}/` : ''}${t.name}${t.context ? ` (context ${t.context})` : ''}`;
