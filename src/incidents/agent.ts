import type { Bus } from '../bus/bus.ts';
import type { IncidentStore } from '../store/repository.ts';
import type { Diagnoser } from './diagnoser.ts';

const ACTOR = 'incident-agent';

export interface IncidentAgent {
  /** Takes back incidents a crash left in `analyzing` and asks for their diagnosis again. */
  start(): Promise<void>;
  /** Resolves when no diagnosis runs or waits. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Incident agent: asks for a diagnosis when an incident opens or reopens and, when a cluster
 * is configured, runs it — `analyzing` while it reads the cluster, findings and runbook stored,
 * back to `open` for the AutoFix agent (IncidentDiagnosed). One diagnosis at a time, each incident
 * queued once. Without a cluster, incidents stay open with their alerts.
 */
export function createIncidentAgent(options: {
  store: IncidentStore;
  bus: Bus;
  diagnoser?: Diagnoser;
  onError?: (err: Error) => void;
}): IncidentAgent {
  const { store, bus, diagnoser } = options;
  const queue: string[] = [];
  const queued = new Set<string>();
  let running: Promise<void> | null = null;
  let stopped = false;
  const unsubscribe: (() => void)[] = [];

  const backToOpen = (id: string, message: string) =>
    store.reconcile({ statuses: ['analyzing'], ids: [id] }, () => ({ to: 'open', message }), ACTOR);

  async function diagnose(id: string): Promise<void> {
    // Alerts muted in Alertmanager (a silence, an inhibition) are someone's decision: leave them be.
    const alerts = (await store.alertsOf(id)).filter((a) => a.status === 'firing' && !a.suppressedBy?.length);
    if (!alerts.length) return;
    // Only an incident that still fires and nobody works on; it may have resolved while queued.
    const started = await store.reconcile(
      { statuses: ['open', 'failed', 'rolled_back'], ids: [id] },
      (i) => (i.firingCount > 0 ? { to: 'analyzing', message: 'diagnosing the cluster' } : null),
      ACTOR,
    );
    if (!started.length) return;
    try {
      const result = await diagnoser!(alerts);
      await store.setFindings(id, result.findings, result.runbook, ACTOR);
      if (result.gaps.length)
        await store.addTimeline(id, {
          at: new Date().toISOString(),
          kind: 'note',
          message: `diagnosis could not read: ${result.gaps.join('; ')}`,
          actor: ACTOR,
        });
      await backToOpen(id, 'diagnosed');
      bus.publish({
        type: 'IncidentDiagnosed',
        incidentId: id,
        findings: result.findings.length,
        runbook: result.runbook,
      });
    } catch (err) {
      await store.addTimeline(id, {
        at: new Date().toISOString(),
        kind: 'note',
        message: `diagnosis failed: ${(err as Error).message}`,
        actor: ACTOR,
      });
      await backToOpen(id, 'diagnosis failed');
    }
  }

  async function work(): Promise<void> {
    while (queue.length && !stopped) {
      const id = queue.shift()!;
      queued.delete(id);
      await diagnose(id).catch((err: Error) => options.onError?.(err));
    }
  }

  const enqueue = (id: string) => {
    if (!diagnoser || stopped || queued.has(id)) return;
    queued.add(id);
    queue.push(id);
    running ??= work().finally(() => {
      running = null;
    });
  };

  const request = (incidentId: string, reason: string) =>
    bus.publish({ type: 'DiagnosisRequested', incidentId, reason });

  return {
    async start() {
      unsubscribe.push(
        bus.subscribe('IncidentOpened', ({ incident }) => {
          if (incident.status === 'open' && incident.firingCount > 0) request(incident.id, 'incident opened');
        }),
        bus.subscribe('IncidentUpdated', ({ incident, change }) => {
          if (change === 'reopened') request(incident.id, 'incident reopened');
        }),
        bus.subscribe('DiagnosisRequested', ({ incidentId }) => enqueue(incidentId)),
      );
      const interrupted = await store.reconcile(
        { statuses: ['analyzing'] },
        () => ({ to: 'open', message: 'diagnosis interrupted by a restart; diagnosing again' }),
        ACTOR,
      );
      for (const i of interrupted) request(i.id, 'diagnosis interrupted by a restart');
    },
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      for (const u of unsubscribe) u();
      await running;
    },
  };
}
