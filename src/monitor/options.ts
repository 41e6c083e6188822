import { randomBytes } from 'node:crypto';
import type { Priority } from '../incidents/types.ts';
import { CORRELATION_RULES, type CorrelationRule } from './correlation/index.ts';
import { DEFAULT_SEVERITY_PRIORITY } from './priority.ts';

export interface MonitorOptions {
  /** Alert labels whose values group alerts into one incident (Config.gateway.groupBy). */
  groupBy: readonly string[];
  /** A settled incident takes alerts of its group again for this long after its last one (reopens). */
  groupWindowSeconds: number;
  /** Refires (resolved → firing) after which an alert counts as flapping and is damped. */
  flapThreshold: number;
  /** A flapping incident resolves only after this long without an alert firing. */
  flapQuietSeconds: number;
  severityPriority: Readonly<Record<string, Priority>>;
  rules: readonly CorrelationRule[];
  /** Where a pod runs, when a cluster is configured (pod-nodes.ts). */
  nodeOfPod?: (namespace: string, pod: string) => string | undefined;
  newIncidentId: (at: string) => string;
}

/** `INC-20250101-3FA9C20B`: the day for people, 32 random bits against collisions. */
export const newIncidentId = (at: string): string =>
  `INC-${at.slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex').toUpperCase()}`;

export const monitorOptions = (o: Partial<MonitorOptions> = {}): MonitorOptions => ({
  groupBy: ['alertname', 'namespace'],
  groupWindowSeconds: 300,
  flapThreshold: 3,
  flapQuietSeconds: 300,
  severityPriority: DEFAULT_SEVERITY_PRIORITY,
  rules: CORRELATION_RULES,
  newIncidentId,
  ...o,
});
