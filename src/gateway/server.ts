import { Bus } from '../bus/bus.ts';
import type { Config } from '../config/types.ts';
import { createIncidentAgent } from '../incidents/agent.ts';
import { clusterDiagnoser } from '../incidents/diagnoser.ts';
import { isLoopbackHost } from '../loopback.ts';
import { startAlertmanagerSync } from '../monitor/alertmanager-sync.ts';
import { createMonitor } from '../monitor/monitor.ts';
import { type MonitorOptions, monitorOptions } from '../monitor/options.ts';
import { clusterPodNodes } from '../monitor/pod-nodes.ts';
import { AlertmanagerClient } from '../prometheus/alertmanager.ts';
import { databasePath, openIncidentStore } from '../store/index.ts';
import { startRetention } from '../store/retention.ts';
import { createApp } from './app.ts';
import { authCheck } from './auth.ts';
import { listenHttp } from './http.ts';
import { mcpEndpoints } from './mcp.ts';
import { gatewayMetrics } from './metrics.ts';

export interface GatewayOptions {
  config: Config;
  /** Diagnose incidents against this cluster (else the first configured cluster's; none: no diagnosis). */
  kubeconfig?: string;
  context?: string;
  durability?: 'full' | 'normal';
  version: string;
  log?: (line: string) => void;
  /** Tuning beyond the config file (tests: short flap windows, fast sweeps). */
  monitor?: Partial<MonitorOptions>;
  sweepIntervalMs?: number;
  /** How often to ask Alertmanager (alertmanager.url) which alerts it mutes (default 30 s). */
  alertmanagerSyncMs?: number;
}

export interface Gateway {
  url: string;
  database: string;
  /** Resolves when no alert event waits and no diagnosis runs (tests, benchmarks). */
  idle(): Promise<void>;
  /** Stops taking requests, finishes what is in flight, closes the database. */
  close(): Promise<void>;
}

/**
 * Composition: store, bus, Monitor and Incident agents, HTTP routes and MCP endpoints. It listens
 * first (webhooks are stored durably even while the backlog is processed), processes what a crash
 * left, then reports ready.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const log = options.log ?? (() => {});
  const onError = (err: Error) => log(`error: ${err.stack ?? err.message}`);
  const database = databasePath(config.dataDir);
  const store = await openIncidentStore({ path: database, durability: options.durability });
  const bus = new Bus((err, message) => log(`error handling ${message.type}: ${err.stack ?? err.message}`));
  const cluster = config.clusters[0];
  const kubeconfig = options.kubeconfig ?? cluster?.kubeconfig ?? undefined;
  const context = options.context ?? cluster?.context ?? undefined;
  const diagnosing = Boolean(options.kubeconfig || cluster);
  // Pod alerts seldom name their node: with a cluster, the Monitor asks it where pods run.
  const podNodes = diagnosing
    ? clusterPodNodes(
        { kubeconfig, context },
        { onError: (err) => log(`cluster: cannot list pods: ${err.message}`) },
      )
    : undefined;
  await Promise.race([podNodes?.refresh(), new Promise((r) => setTimeout(r, 5_000).unref())]);
  const tuning = monitorOptions({
    nodeOfPod: podNodes?.nodeOf,
    groupBy: config.gateway.groupBy,
    groupWindowSeconds: config.gateway.groupWindowSeconds,
    ...options.monitor,
  });
  let ready = false;
  let closing = false;
  const metrics = gatewayMetrics(async () => ({
    incidentsByStatus: await store.incidentCounts(),
    pendingEvents: await store.pendingCount(),
  }));
  const intake = { inFlight: 0, lastActivity: 0 };
  const monitor = createMonitor({
    store,
    bus,
    monitor: tuning,
    sweepIntervalMs: options.sweepIntervalMs,
    hooks: {
      // A storm is a train of webhooks: the gaps between them are no time for a long batch.
      intakeBusy: () => intake.inFlight > 0 || performance.now() - intake.lastActivity < 100,
      onBatch: (n, latencies) => {
        metrics.alertsProcessed.inc(n);
        for (const l of latencies) metrics.processingLatency.observe(l);
      },
      onError,
    },
  });
  const agent = createIncidentAgent({
    store,
    bus,
    diagnoser: diagnosing
      ? clusterDiagnoser({ kubeconfig, context, prometheusUrl: config.prometheus.url ?? undefined })
      : undefined,
    onError,
  });
  bus.subscribe('IncidentOpened', ({ incident: i }) => {
    metrics.incidentsOpened.inc();
    log(`${i.id} opened (${i.priority}, ${i.status}): ${i.title}`);
  });
  bus.subscribe('IncidentUpdated', ({ incident: i, change }) => {
    if (change !== 'alerts') log(`${i.id} ${change}: ${i.title}`);
  });

  const auth = authCheck(config.gateway.auth);
  const app = createApp(
    {
      store,
      bus,
      router: monitor.router,
      metrics,
      auth,
      maxBodyBytes: config.gateway.maxBodyBytes,
      intake,
      notReady: () =>
        closing ? 'shutting down' : ready ? null : 'processing alerts stored before the last stop',
    },
    onError,
  );
  const endpoints = mcpEndpoints({
    config,
    kubeconfig,
    context,
    version: options.version,
    loopbackOnly: isLoopbackHost(config.gateway.host),
    audit: store,
    log,
  });
  let http: Awaited<ReturnType<typeof listenHttp>>;
  try {
    http = await listenHttp({
      app,
      endpoints,
      auth,
      host: config.gateway.host,
      port: config.gateway.port,
      onError,
    });
  } catch (err) {
    podNodes?.stop();
    await store.close();
    throw err;
  }

  await agent.start();
  await monitor.start();
  ready = true;
  const alertmanager = config.alertmanager.url
    ? new AlertmanagerClient({
        url: config.alertmanager.url,
        auth: config.alertmanager.auth,
        timeoutMs: config.alertmanager.timeoutMs,
      })
    : undefined;
  const am = alertmanager
    ? startAlertmanagerSync({
        alertmanager,
        store,
        intervalMs: options.alertmanagerSyncMs,
        onChange: (changes) => {
          for (const c of changes)
            log(`${c.incidentId}: ${c.muted} of ${c.firing} firing alert(s) muted in Alertmanager`);
        },
        onUnreachable: (message) =>
          log(message ? `alertmanager: ${message}` : 'alertmanager: answering again'),
      })
    : undefined;
  const retention = startRetention(store, {
    days: config.gateway.retentionDays,
    onPurged: (p) =>
      log(
        `retention: deleted ${p.incidents} incident(s), ${p.deliveries} delivery(ies), ${p.auditEntries} audit entr(ies)`,
      ),
    onError,
  });

  return {
    url: http.url,
    database,
    async idle() {
      for (;;) {
        await monitor.idle();
        await bus.drain();
        await agent.idle();
        if ((await store.pendingCount()) === 0) return;
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    async close() {
      closing = true;
      retention.stop();
      am?.stop();
      alertmanager?.close();
      podNodes?.stop();
      await http.close();
      await Promise.all(endpoints.map((e) => e.close()));
      await monitor.stop();
      await agent.stop();
      await bus.drain();
      await store.close();
    },
  };
}
