import type { Bus } from '../bus/bus.ts';
import type { IncidentStore } from '../store/repository.ts';
import type { MonitorOptions } from './options.ts';
import { DEFAULT_PACING, mayProcess, type PaceState, type Pacing } from './pacing.ts';
import { AUTO_RESOLVING, processEvents, quietResolution } from './process.ts';
import { createRouter } from './router.ts';

export interface MonitorHooks {
  /** True while webhooks arrive: processing then gives way, one small batch per `deferMs`. */
  intakeBusy?(): boolean;
  /** After each committed batch: how many events, and each one's wait from receipt to processed (s). */
  onBatch?(events: number, latenciesSeconds: number[]): void;
  onError?(err: Error): void;
}

export interface Monitor {
  /** The routing the gateway's intake uses (the same options as processing). */
  readonly router: ReturnType<typeof createRouter>;
  /** Processes whatever waits — events a crash left behind first — then follows AlertsReceived. */
  start(): Promise<void>;
  /** Resolves when no event waits and no batch runs. */
  idle(): Promise<void>;
  /** Finishes the batch in progress and stops; events still waiting stay stored for the next start. */
  stop(): Promise<void>;
}

/**
 * The Monitor agent: after each 202 it turns stored alert events into incident state in batches,
 * one transaction each (effects and the processed marks commit together, so a crash repeats
 * nothing and loses nothing), then tells the bus what changed. A sweep resolves incidents that
 * flapping kept open once they have been quiet long enough.
 */
export function createMonitor(options: {
  store: IncidentStore;
  bus: Bus;
  monitor: MonitorOptions;
  /** Events per transaction (default 400); a quarter of it while webhooks arrive. */
  batchSize?: number;
  /** How processing gives way to webhooks (pacing.ts). */
  pacing?: Partial<Pacing>;
  sweepIntervalMs?: number;
  hooks?: MonitorHooks;
}): Monitor {
  const { store, bus, hooks = {} } = options;
  const batchSize = options.batchSize ?? 400;
  const pacing = { ...DEFAULT_PACING, ...options.pacing };
  const pace: PaceState = { lastStart: 0, lastDuration: 0, backlogSince: null };
  const router = createRouter(options.monitor);
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let sweepTimer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;

  async function drain(): Promise<void> {
    do {
      again = false;
      for (;;) {
        // Webhooks come first: a 202 waits on the same thread; processing catches up between them.
        pace.backlogSince ??= performance.now();
        while (!stopped && !mayProcess(performance.now(), Boolean(hooks.intakeBusy?.()), pace, pacing))
          await new Promise((r) => setTimeout(r, 2));
        if (stopped) return;
        pace.lastStart = performance.now();
        // Small batches while webhooks arrive (a few ms each), big ones to catch up after.
        const limit = hooks.intakeBusy?.() ? Math.ceil(batchSize / 4) : batchSize;
        let received: string[] = [];
        const outcome = await store.processPending(limit, (events, state) => {
          received = events.map((e) => e.receivedAt);
          return processEvents(events, state, options.monitor);
        });
        pace.lastDuration = performance.now() - pace.lastStart;
        if (!outcome) {
          pace.backlogSince = null;
          break;
        }
        const now = Date.now();
        hooks.onBatch?.(
          received.length,
          received.map((at) => (now - Date.parse(at)) / 1000),
        );
        for (const m of outcome.messages) bus.publish(m);
        // Let waiting webhooks in between batches: intake latency matters more than processing's.
        await new Promise((r) => setImmediate(r));
      }
    } while (again);
  }

  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err: Error) => hooks.onError?.(err))
      .finally(() => {
        running = null;
      });
  };

  const sweep = async () => {
    const now = Date.now();
    const moved = await store.reconcile(
      { statuses: [...AUTO_RESOLVING] },
      (i) => quietResolution(i, now, options.monitor),
      'monitor',
    );
    for (const incident of moved) bus.publish({ type: 'IncidentUpdated', incident, change: 'resolved' });
  };

  return {
    router,
    async start() {
      unsubscribe = bus.subscribe('AlertsReceived', kick);
      kick();
      await running;
      sweepTimer = setInterval(
        () => void sweep().catch((err: Error) => hooks.onError?.(err)),
        options.sweepIntervalMs ?? 30_000,
      );
      sweepTimer.unref();
    },
    async idle() {
      while (running) await running;
    },
    async stop() {
      unsubscribe?.();
      clearInterval(sweepTimer);
      stopped = true;
      await running;
    },
  };
}
