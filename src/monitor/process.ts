import type { BusMessage } from '../bus/messages.ts';
import { isSettled, transition, WORKING } from '../incidents/lifecycle.ts';
import {
  INCIDENT_STATUSES,
  type Incident,
  type IncidentStatus,
  type TimelineEntry,
} from '../incidents/types.ts';
import type { AlertEvent, AlertState, ProcessingOutcome, ProcessingState } from '../store/repository.ts';
import { describeAlert } from './labels.ts';
import type { MonitorOptions } from './options.ts';
import { higher, priorityOf } from './priority.ts';

export interface MonitorOutcome extends ProcessingOutcome {
  /** For the bus, published once the batch has committed. */
  messages: BusMessage[];
}

/** Statuses that end by themselves when every alert resolves; during a fix the verifier decides. */
export const AUTO_RESOLVING: readonly IncidentStatus[] = INCIDENT_STATUSES.filter(
  (s) => !WORKING.includes(s) && !isSettled(s),
);

const ACTOR = 'monitor';

/** The later of two times the gateway's clock wrote (`toISOString`: one format, so they sort as text). */
function later(a: string, b: string): string {
  if (a < b) return b;
  return a;
}

const intersect = (a: Record<string, string>, b: Record<string, string>) =>
  Object.fromEntries(Object.entries(a).filter(([k, v]) => b[k] === v));

/**
 * An event older than what is stored changes nothing: notifications can arrive out of order
 * (retries), and a firing notice for an alert instance already resolved is history.
 */
function isStale(prev: AlertState, next: AlertEvent['alert']): boolean {
  const before = Date.parse(prev.startsAt);
  const now = Date.parse(next.startsAt);
  return now < before || (now === before && prev.status === 'resolved' && next.status === 'firing');
}

const VERB = { alert_joined: 'joined', alert_resolved: 'resolved', alert_refired: 'fired again' } as const;
type ChangeKind = keyof typeof VERB;
const LISTED = 5;

/**
 * One timeline entry per incident and kind of change per batch: a storm of 5,000 alerts reads as
 * a few lines ("120 alerts joined: … and 115 more"), not 5,000.
 */
class AlertChanges {
  private readonly groups = new Map<
    string,
    { incidentId: string; kind: ChangeKind; at: string; count: number; listed: string[] }
  >();

  /** `what` is called for the first few only: describing 5,000 alerts to list 5 is waste. */
  add(incidentId: string, kind: ChangeKind, at: string, what: () => string): void {
    const key = `${incidentId}/${kind}`;
    const g = this.groups.get(key) ?? { incidentId, kind, at, count: 0, listed: [] };
    g.count++;
    if (g.listed.length < LISTED) g.listed.push(what());
    g.at = later(at, g.at);
    this.groups.set(key, g);
  }

  entries(): MonitorOutcome['timeline'] {
    return [...this.groups.values()].map(({ incidentId, kind, at, count, listed }) => {
      const more = count > listed.length ? ` and ${count - listed.length} more` : '';
      const message =
        count === 1
          ? `${listed[0]} ${VERB[kind]}`
          : `${count} alerts ${VERB[kind]}: ${listed.join(', ')}${more}`;
      return { incidentId, entry: { at, kind, message, actor: ACTOR } };
    });
  }
}

/**
 * The Monitor's processing of stored events, as a pure function: deduplicates by fingerprint into
 * the incident's alert, counts refires (flapping), keeps the incident's counts, labels and priority,
 * resolves it when every alert has resolved and reopens it when one fires again — except that an
 * incident with a flapping alert is left open until `flapQuietSeconds` pass quietly (the sweep).
 */
export function processEvents(
  events: readonly AlertEvent[],
  state: ProcessingState,
  options: MonitorOptions,
): MonitorOutcome {
  const alerts = new Map(state.alerts);
  // Copies: `state` stays as it was, to tell which incidents this batch opened.
  const incidents = new Map([...state.incidents].map(([id, i]) => [id, { ...i, labels: { ...i.labels } }]));
  const timeline: MonitorOutcome['timeline'] = [];
  const touchedAlerts = new Set<string>();
  const flapping = new Set<string>();
  const note = (incidentId: string, at: string, kind: TimelineEntry['kind'], message: string) =>
    timeline.push({ incidentId, entry: { at, kind, message, actor: ACTOR } });
  const changes = new AlertChanges();

  for (const e of events) {
    const inc = incidents.get(e.incidentId)!;
    const key = `${e.incidentId}/${e.alert.fingerprint}`;
    const prev = alerts.get(key);
    const a = e.alert;
    const at = e.receivedAt;
    const what = () => describeAlert(a.labels);
    let firingDelta = 0;
    let next: AlertState;
    if (!prev) {
      next = {
        ...a,
        incidentId: e.incidentId,
        firstReceivedAt: at,
        lastReceivedAt: e.lastSeenAt,
        receivedCount: e.seenCount,
        flapCount: 0,
        eventCount: 1,
        lastChangeAt: at,
      };
      firingDelta = a.status === 'firing' ? 1 : 0;
      inc.labels = inc.alertCount === 0 ? { ...a.labels } : intersect(inc.labels, a.labels);
      inc.alertCount++;
      changes.add(e.incidentId, 'alert_joined', at, () => `${what()} (${a.status})`);
    } else {
      const counted = {
        ...prev,
        eventCount: prev.eventCount + 1,
        receivedCount: prev.receivedCount + e.seenCount,
        lastReceivedAt: later(e.lastSeenAt, prev.lastReceivedAt),
      };
      if (isStale(prev, a)) next = counted;
      else {
        next = { ...counted, ...a, incidentId: e.incidentId };
        if (prev.status !== a.status) {
          next.lastChangeAt = at;
          firingDelta = a.status === 'firing' ? 1 : -1;
          if (a.status === 'firing') next.flapCount++;
          if (next.flapCount === options.flapThreshold && a.status === 'firing')
            note(
              e.incidentId,
              at,
              'note',
              `${what()} is flapping (fired again ${next.flapCount} times); its further changes are not logged and the incident resolves only after ${options.flapQuietSeconds} s without it firing`,
            );
          else if (next.flapCount < options.flapThreshold)
            changes.add(e.incidentId, a.status === 'firing' ? 'alert_refired' : 'alert_resolved', at, what);
        }
      }
    }
    if (next.flapCount >= options.flapThreshold) flapping.add(e.incidentId);
    inc.firingCount = Math.max(0, inc.firingCount + firingDelta);
    if (a.status === 'firing')
      inc.priority = higher(inc.priority, priorityOf(a.labels, options.severityPriority));
    inc.updatedAt = later(at, inc.updatedAt);
    alerts.set(key, next);
    touchedAlerts.add(key);
  }

  timeline.push(...changes.entries());
  const messages: BusMessage[] = [];
  const touchedIncidents = new Set(events.map((e) => e.incidentId));
  const outIncidents: Incident[] = [];
  for (const id of touchedIncidents) {
    const before = state.incidents.get(id)!;
    let inc = incidents.get(id)!;
    let change: 'alerts' | 'resolved' | 'reopened' = 'alerts';
    if (inc.firingCount > 0 && inc.status === 'resolved') {
      inc = transition(inc, 'open', inc.updatedAt);
      note(id, inc.updatedAt, 'status_changed', 'resolved → open: an alert fired again');
      change = 'reopened';
    } else if (inc.firingCount === 0 && AUTO_RESOLVING.includes(inc.status) && !flapping.has(id)) {
      const from = inc.status;
      inc = transition(inc, 'resolved', inc.updatedAt);
      note(id, inc.updatedAt, 'status_changed', `${from} → resolved: every alert resolved`);
      change = 'resolved';
    }
    outIncidents.push(inc);
    messages.push(
      before.alertCount === 0
        ? { type: 'IncidentOpened', incident: inc }
        : { type: 'IncidentUpdated', incident: inc, change },
    );
  }
  return {
    alerts: [...touchedAlerts].map((k) => alerts.get(k)!),
    incidents: outIncidents,
    timeline,
    messages,
  };
}

/**
 * The sweep's decision for an incident that flapping kept open: resolved once nothing has fired
 * for `flapQuietSeconds` (its last alert event is that old and none fires now).
 */
export function quietResolution(
  incident: Incident,
  now: number,
  options: Pick<MonitorOptions, 'flapQuietSeconds'>,
): { to: 'resolved'; message: string } | null {
  if (!AUTO_RESOLVING.includes(incident.status) || incident.alertCount === 0 || incident.firingCount > 0)
    return null;
  if (now - Date.parse(incident.updatedAt) < options.flapQuietSeconds * 1000) return null;
  return { to: 'resolved', message: `every alert resolved and none fired for ${options.flapQuietSeconds} s` };
}
