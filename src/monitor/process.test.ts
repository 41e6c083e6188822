import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Incident, WebhookAlert } from '../incidents/types.ts';
import type { AlertEvent, AlertState, ProcessingState } from '../store/repository.ts';
import { monitorOptions } from './options.ts';
import { type MonitorOutcome, processEvents, quietResolution } from './process.ts';
import { alert, at, resolvedOf } from './testkit.ts';

const options = monitorOptions({ flapThreshold: 3, flapQuietSeconds: 300 });

const openIncident = (): Incident => ({
  id: 'INC-1',
  title: 'KubeJobFailed: batch/report',
  status: 'open',
  priority: 'P4',
  groupKey: 'workload:batch/report',
  labels: {},
  createdAt: at(0),
  updatedAt: at(0),
  acknowledgedAt: null,
  resolvedAt: null,
  alertCount: 0,
  firingCount: 0,
});

/** Feeds events one batch at a time, carrying state between batches as the store would. */
function feed(
  batches: WebhookAlert[][],
  startAt = 1,
): { outcomes: MonitorOutcome[]; state: ProcessingState } {
  let seq = 0;
  const alerts = new Map<string, AlertState>();
  const incidents = new Map<string, Incident>([['INC-1', openIncident()]]);
  const outcomes = batches.map((batch, b) => {
    const events: AlertEvent[] = batch.map((a) => ({
      seq: ++seq,
      deliveryId: `D${b}`,
      receivedAt: at(startAt + b * 60),
      incidentId: 'INC-1',
      alert: a,
      seenCount: 1,
      lastSeenAt: at(startAt + b * 60),
    }));
    const outcome = processEvents(
      events,
      { alerts: new Map(alerts), incidents: new Map(incidents) },
      options,
    );
    for (const a of outcome.alerts) alerts.set(`${a.incidentId}/${a.fingerprint}`, a);
    for (const i of outcome.incidents) incidents.set(i.id, i);
    return outcome;
  });
  return { outcomes, state: { alerts, incidents } };
}

const job = alert({
  alertname: 'KubeJobFailed',
  namespace: 'batch',
  job_name: 'report-28123456',
  severity: 'info',
});
const run = (n: number) => ({ ...job, startsAt: at(n * 60) });

describe('processing alert events', () => {
  it('opens with the first alert, then reports updates; keeps counts, labels and the highest priority', () => {
    const other = alert({
      alertname: 'KubeJobFailed',
      namespace: 'batch',
      job_name: 'cleanup',
      severity: 'critical',
    });
    const { outcomes, state } = feed([[job], [other]]);
    assert.equal(outcomes[0].messages[0].type, 'IncidentOpened');
    assert.deepEqual(
      outcomes[1].messages.map((m) => m.type),
      ['IncidentUpdated'],
    );
    const incident = state.incidents.get('INC-1')!;
    assert.deepEqual(
      {
        alerts: incident.alertCount,
        firing: incident.firingCount,
        priority: incident.priority,
        labels: incident.labels,
      },
      { alerts: 2, firing: 2, priority: 'P1', labels: { alertname: 'KubeJobFailed', namespace: 'batch' } },
    );
  });

  it('ignores a firing notice for an alert instance already resolved (late retry), but counts it', () => {
    const { outcomes, state } = feed([[run(1)], [resolvedOf(run(1))], [run(1)]]);
    const stored = [...state.alerts.values()][0];
    assert.equal(stored.status, 'resolved');
    assert.equal(stored.eventCount, 3);
    assert.equal(state.incidents.get('INC-1')!.status, 'resolved');
    assert.deepEqual(outcomes[2].timeline, [], 'nothing happened');
  });

  it('damps a flapping alert: one note at the threshold, no more entries, and no resolve until quiet', () => {
    const batches: WebhookAlert[][] = [];
    for (let n = 1; n <= 5; n++) batches.push([run(n)], [resolvedOf(run(n))]);
    const { outcomes, state } = feed(batches);
    const kinds = outcomes.flatMap((o) => o.timeline.map((t) => t.entry.kind));
    // Fired, resolved (incident resolves), fired again (reopens) ×2, then the note; after it, silence.
    assert.deepEqual(kinds, [
      'alert_joined',
      'alert_resolved',
      'status_changed',
      'alert_refired',
      'status_changed',
      'alert_resolved',
      'status_changed',
      'alert_refired',
      'status_changed',
      'alert_resolved',
      'status_changed',
      'note',
      'status_changed',
    ]);
    assert.match(outcomes[6].timeline[0].entry.message, /is flapping \(fired again 3 times\)/);
    const incident = state.incidents.get('INC-1')!;
    assert.equal(incident.status, 'open', 'a flapping alert that resolves leaves the incident open');
    assert.equal(incident.firingCount, 0);
    assert.equal([...state.alerts.values()][0].flapCount, 4);
    // The sweep resolves it once nothing has fired for flapQuietSeconds.
    const last = Date.parse(incident.updatedAt);
    assert.equal(quietResolution(incident, last + 299_000, options), null);
    assert.deepEqual(quietResolution(incident, last + 300_000, options), {
      to: 'resolved',
      message: 'every alert resolved and none fired for 300 s',
    });
    assert.equal(quietResolution({ ...incident, firingCount: 1 }, last + 900_000, options), null);
    assert.equal(quietResolution({ ...incident, status: 'remediating' }, last + 900_000, options), null);
  });

  it('leaves an incident being fixed to its verifier when the alerts resolve', () => {
    const alerts = new Map<string, AlertState>();
    const incidents = new Map([
      ['INC-1', { ...openIncident(), status: 'remediating' as const, alertCount: 1, firingCount: 1 }],
    ]);
    alerts.set(`INC-1/${job.fingerprint}`, {
      ...job,
      incidentId: 'INC-1',
      firstReceivedAt: at(0),
      lastReceivedAt: at(0),
      receivedCount: 1,
      flapCount: 0,
      eventCount: 1,
      lastChangeAt: at(0),
    });
    const event: AlertEvent = {
      seq: 2,
      deliveryId: 'D',
      receivedAt: at(60),
      incidentId: 'INC-1',
      alert: resolvedOf(job),
      seenCount: 1,
      lastSeenAt: at(60),
    };
    const outcome = processEvents([event], { alerts, incidents }, options);
    assert.equal(outcome.incidents[0].status, 'remediating');
    assert.equal(outcome.incidents[0].firingCount, 0);
    assert.equal(incidents.get('INC-1')!.firingCount, 1, 'the input state is not modified');
  });

  it('summarises a storm in one timeline entry per kind', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      alert({ alertname: 'TargetDown', namespace: 'mon', instance: `10.0.0.${i}` }),
    );
    const { outcomes } = feed([many]);
    assert.equal(outcomes[0].timeline.length, 1);
    assert.match(
      outcomes[0].timeline[0].entry.message,
      /^40 alerts joined: TargetDown in mon \(firing\), .* and 35 more$/,
    );
  });
});
