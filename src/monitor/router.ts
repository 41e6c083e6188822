import { isSettled } from '../incidents/lifecycle.ts';
import type { WebhookAlert } from '../incidents/types.ts';
import type {
  OpenedIncident,
  Router,
  RoutingCandidate,
  RoutingDecision,
  RoutingState,
} from '../store/repository.ts';
import { type CorrelationKey, correlationKeys } from './correlation/index.ts';
import { describeAlert, isNodeAlert, namespaceOf, nodeOf, workloadOf } from './labels.ts';
import type { MonitorOptions } from './options.ts';
import { priorityOf } from './priority.ts';

/** `KubeNodeNotReady: node worker-2`, `KubePodCrashLooping: production/api-service`. */
export function incidentTitle(alert: WebhookAlert): string {
  const l = alert.labels;
  const name = l.alertname || 'alert';
  if (isNodeAlert(l)) return `${name}: node ${nodeOf(l)}`;
  const workload = workloadOf(l);
  if (workload) return `${name}: ${workload}`;
  const ns = namespaceOf(l);
  return ns ? `${name} in ${ns}` : describeAlert(l);
}

/**
 * Which incident each new alert joins, decided inside the intake transaction so the 202 can name
 * the incidents: the incident its fingerprint is already in, else the first joinable incident
 * under one of its correlation keys, else a new one. Alerts routed earlier in the same delivery
 * count, so a burst of related alerts opens one incident, not one per alert. The decision is
 * online: a node alert arriving after its pods' alerts opened incidents of their own opens the
 * node's incident and links those to it (each keeps its alerts and history; the link names the
 * likely cause).
 */
export function createRouter(options: MonitorOptions): Router {
  const windowMs = options.groupWindowSeconds * 1000;
  const joinable = (c: RoutingCandidate, at: number) =>
    c.status !== 'closed' && (!isSettled(c.status) || at - Date.parse(c.lastAlertAt) <= windowMs);
  // Intake asks for an alert's keys to load state, then routing needs them again: compute once.
  const computed = new WeakMap<WebhookAlert, CorrelationKey[]>();
  const keysOf = (alert: WebhookAlert) => {
    const known = computed.get(alert);
    if (known) return known;
    const keys = correlationKeys(alert.labels, options, options.rules);
    computed.set(alert, keys);
    return keys;
  };

  return {
    keysOf,
    route(alerts: readonly WebhookAlert[], state: RoutingState, at: string): RoutingDecision {
      const now = Date.parse(at);
      const byFingerprint = new Map(state.byFingerprint);
      const byKey = new Map(state.byKey);
      const decision: RoutingDecision = { assignments: [], opened: [], links: [] };
      // Alerts that only join (pods of a node) go after the ones that may open what they join.
      const keyed = alerts.map((alert, index) => ({ alert, index, keys: keysOf(alert) }));
      const order = [
        ...keyed.filter((k) => k.keys.every((key) => key.opens)),
        ...keyed.filter((k) => k.keys.some((key) => !key.opens)),
      ];
      for (const { alert, index, keys } of order) {
        let target: RoutingCandidate | undefined;
        const known = byFingerprint.get(alert.fingerprint);
        // A resolved notice only ends what it started: arriving after its incident settled (the bot
        // fixed it first), it must not open a new incident that is resolved from birth.
        if (known && (joinable(known, now) || alert.status === 'resolved')) target = known;
        for (const k of keys) {
          if (target) break;
          target = byKey.get(k.key)?.find((c) => joinable(c, now));
        }
        if (!target) {
          const opened: OpenedIncident = {
            id: options.newIncidentId(at),
            title: incidentTitle(alert),
            groupKey: keys.find((k) => k.opens)?.key ?? `fingerprint:${alert.fingerprint}`,
            labels: { ...alert.labels },
            priority: priorityOf(alert.labels, options.severityPriority),
            createdAt: at,
          };
          decision.opened.push(opened);
          target = { incidentId: opened.id, status: 'open', lastAlertAt: at };
          for (const k of keys.filter((key) => key.opens))
            for (const follower of state.followersByKey.get(k.key) ?? [])
              if (!isSettled(follower.status))
                decision.links.push({ incidentId: follower.incidentId, cause: opened.id, key: k.key });
        }
        const joined: RoutingCandidate = { ...target, lastAlertAt: at };
        const indexed = keys.filter((k) => k.opens).map((k) => k.key);
        const follows = keys.filter((k) => !k.opens).map((k) => k.key);
        decision.assignments[index] = { incidentId: joined.incidentId, keys: indexed, follows };
        byFingerprint.set(alert.fingerprint, joined);
        for (const key of indexed) {
          const others = (byKey.get(key) ?? []).filter((c) => c.incidentId !== joined.incidentId);
          byKey.set(key, [joined, ...others]);
        }
      }
      return decision;
    },
  };
}
