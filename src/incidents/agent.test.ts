import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Bus } from '../bus/bus.ts';
import type { BusMessage } from '../bus/messages.ts';
import type { Finding } from '../diagnosis/types.ts';
import { createMonitor } from '../monitor/monitor.ts';
import { monitorOptions } from '../monitor/options.ts';
import { alert, payload } from '../monitor/testkit.ts';
import { openIncidentStore } from '../store/index.ts';
import type { IncidentStore } from '../store/repository.ts';
import { createIncidentAgent } from './agent.ts';
import type { Diagnoser } from './diagnoser.ts';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const finding: Finding = {
  pattern: 'crash_loop',
  severity: 'critical',
  resource: { kind: 'Pod', namespace: 'prod', name: 'api-0' },
  workload: { kind: 'Deployment', namespace: 'prod', name: 'api' },
  summary: 'api crash-loops',
  rootCause: 'the container exits with code 1',
  evidence: [],
  whys: [],
  runbook: 'crash-loop',
  confidence: 0.9,
};

/** Store, bus, Monitor and the agent on a temp database; `open` stores and processes one alert. */
async function rig(diagnoser?: Diagnoser, path?: string) {
  if (!path) {
    const dir = mkdtempSync(join(tmpdir(), 'sre-nanobot-agent-'));
    dirs.push(dir);
    path = join(dir, 'incidents.db');
  }
  const store = await openIncidentStore({ path, durability: 'normal' });
  const errors: string[] = [];
  const bus = new Bus((err) => errors.push(err.message));
  const seen: BusMessage[] = [];
  for (const type of ['DiagnosisRequested', 'IncidentDiagnosed'] as const)
    bus.subscribe(type, (m) => void seen.push(m));
  const options = monitorOptions();
  const monitor = createMonitor({ store, bus, monitor: options });
  const agent = createIncidentAgent({ store, bus, diagnoser, onError: (e) => errors.push(e.message) });
  await agent.start();
  await monitor.start();
  const settle = async () => {
    await monitor.idle();
    await bus.drain();
    await agent.idle();
    await bus.drain();
  };
  const open = async () => {
    const a = alert({ alertname: 'KubePodCrashLooping', namespace: 'prod', pod: 'api-0' });
    const body = payload([a]);
    const { incidents } = await store.ingest(
      {
        id: 'D1',
        receivedAt: new Date().toISOString(),
        receiver: 'r',
        groupKey: '',
        rawBody: JSON.stringify(body),
        alerts: [a],
      },
      monitor.router,
    );
    bus.publish({ type: 'AlertsReceived', deliveryId: 'D1', accepted: 1, duplicates: 0, incidents });
    await settle();
    return incidents[0];
  };
  const close = async () => {
    await monitor.stop();
    await agent.stop();
    await store.close();
  };
  return { store, bus, seen, errors, open, settle, close, path };
}

const kinds = async (store: IncidentStore, id: string) =>
  (await store.incidentView(id))!.timeline.map(
    (t) => `${t.kind}${t.kind === 'status_changed' ? ` ${t.message}` : ''}`,
  );

describe('incident agent', () => {
  it('diagnoses a new incident: analyzing, findings and runbook stored, back to open, announced', async () => {
    const calls: string[][] = [];
    const r = await rig(async (alerts) => {
      calls.push(alerts.map((a) => a.labels.alertname));
      return { findings: [finding], runbook: 'crash-loop', gaps: ['secrets: forbidden'] };
    });
    const id = await r.open();
    assert.deepEqual(calls, [['KubePodCrashLooping']]);
    const view = (await r.store.incidentView(id))!;
    assert.equal(view.incident.status, 'open');
    assert.equal(view.runbook, 'crash-loop');
    assert.deepEqual(view.findings, [finding]);
    assert.ok(view.incident.acknowledgedAt, 'the agent acting on it acknowledges it');
    assert.deepEqual(await kinds(r.store, id), [
      'created',
      'alert_joined',
      'status_changed open → analyzing: diagnosing the cluster',
      'diagnosed',
      'note',
      'status_changed analyzing → open: diagnosed',
    ]);
    assert.deepEqual(
      r.seen.map((m) => m.type),
      ['DiagnosisRequested', 'IncidentDiagnosed'],
    );
    assert.deepEqual(r.errors, []);
    await r.close();
  });

  it('records a failed diagnosis and leaves the incident open', async () => {
    const r = await rig(async () => {
      throw new Error('cluster unreachable at https://127.0.0.1:1');
    });
    const id = await r.open();
    const view = (await r.store.incidentView(id))!;
    assert.equal(view.incident.status, 'open');
    assert.ok(
      view.timeline.some((t) => t.message === 'diagnosis failed: cluster unreachable at https://127.0.0.1:1'),
    );
    await r.close();
  });

  it('without a cluster, leaves incidents open and untouched', async () => {
    const r = await rig(undefined);
    const id = await r.open();
    assert.deepEqual(await kinds(r.store, id), ['created', 'alert_joined']);
    await r.close();
  });

  it('takes back an incident a crash left in analyzing and diagnoses it again', async () => {
    const first = await rig(undefined);
    const id = await first.open();
    await first.store.transition(id, 'analyzing', { actor: 'incident-agent' });
    await first.close();
    let diagnosed = 0;
    const second = await rig(async () => {
      diagnosed++;
      return { findings: [], runbook: null, gaps: [] };
    }, first.path);
    await second.settle();
    assert.equal(diagnosed, 1);
    const view = (await second.store.incidentView(id))!;
    assert.equal(view.incident.status, 'open');
    assert.ok(view.timeline.some((t) => /interrupted by a restart/.test(t.message)));
    await second.close();
  });
});
