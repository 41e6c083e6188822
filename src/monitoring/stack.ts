import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AlertmanagerConfigInput,
  alertmanagerConfig,
  type PrometheusConfigInput,
  prometheusConfig,
} from './config.ts';
import { findBinary, startDaemon } from './daemon.ts';

/**
 * Real Prometheus and Alertmanager as child processes on free loopback ports, for tests and the demo.
 * Each writes its config and data under its own subfolder of `dir`.
 */

export interface RunningPrometheus {
  url: string;
  /** The generated prometheus.yml: rewrite it and call reload() to change targets or rules. */
  configFile: string;
  /** POST /-/reload (rule files are re-read too). */
  reload(): Promise<void>;
  stderrTail(): string;
  stop(): Promise<void>;
}

export interface RunningAlertmanager {
  url: string;
  configFile: string;
  reload(): Promise<void>;
  stderrTail(): string;
  stop(): Promise<void>;
}

interface ProcessOptions {
  dir: string;
  /** Path or name on PATH; default `prometheus`, or `prometheus-alertmanager` then `alertmanager`. */
  binary?: string;
  readyTimeoutMs?: number;
}

export type PrometheusOptions = ProcessOptions & PrometheusConfigInput;
export type AlertmanagerOptions = ProcessOptions & AlertmanagerConfigInput;

async function reloader(url: string, what: string): Promise<void> {
  const res = await fetch(`${url}/-/reload`, { method: 'POST' });
  if (!res.ok)
    throw new Error(`${what} refused to reload its config (HTTP ${res.status}): ${await res.text()}`);
}

export async function startPrometheus(options: PrometheusOptions): Promise<RunningPrometheus> {
  const home = join(options.dir, 'prometheus');
  mkdirSync(home, { recursive: true });
  const configFile = join(home, 'prometheus.yml');
  writeFileSync(configFile, prometheusConfig(options));
  const daemon = await startDaemon({
    what: 'Prometheus',
    binary: options.binary ?? 'prometheus',
    installHint: 'apt-get install prometheus',
    readyTimeoutMs: options.readyTimeoutMs,
    args: (port) => [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(home, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      `--web.external-url=http://127.0.0.1:${port}`,
      '--web.enable-lifecycle',
      // Alerts that fired before Alertmanager was discovered would otherwise wait a minute to be re-sent.
      '--rules.alert.resend-delay=1s',
    ],
  });
  return {
    url: daemon.url,
    configFile,
    reload: () => reloader(daemon.url, 'Prometheus'),
    stderrTail: daemon.stderrTail,
    stop: daemon.stop,
  };
}

export async function startAlertmanager(options: AlertmanagerOptions): Promise<RunningAlertmanager> {
  const home = join(options.dir, 'alertmanager');
  mkdirSync(home, { recursive: true });
  const configFile = join(home, 'alertmanager.yml');
  writeFileSync(configFile, alertmanagerConfig(options));
  const binary = options.binary ?? findBinary(['prometheus-alertmanager', 'alertmanager']) ?? 'alertmanager';
  const daemon = await startDaemon({
    what: 'Alertmanager',
    binary,
    installHint: 'apt-get install prometheus-alertmanager',
    readyTimeoutMs: options.readyTimeoutMs,
    args: (port) => [
      `--config.file=${configFile}`,
      `--storage.path=${join(home, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      `--web.external-url=http://127.0.0.1:${port}`,
      // Empty turns gossip off; Debian's default would bind 0.0.0.0:9094 and clash between tests.
      '--cluster.listen-address=',
    ],
  });
  return {
    url: daemon.url,
    configFile,
    reload: () => reloader(daemon.url, 'Alertmanager'),
    stderrTail: daemon.stderrTail,
    stop: daemon.stop,
  };
}

export interface MonitoringStackOptions {
  dir: string;
  scrapeTargets: string[];
  ruleFiles?: string[];
  webhookUrl?: string;
  scrapeIntervalSeconds?: number;
  evaluationIntervalSeconds?: number;
  groupWaitSeconds?: number;
  groupIntervalSeconds?: number;
  repeatIntervalSeconds?: number;
}

export interface MonitoringStack {
  prometheusUrl: string;
  alertmanagerUrl: string;
  prometheus: RunningPrometheus;
  alertmanager: RunningAlertmanager;
  stop(): Promise<void>;
}

/** Alertmanager first, then a Prometheus that sends it the alerts its rules fire. */
export async function startMonitoringStack(options: MonitoringStackOptions): Promise<MonitoringStack> {
  const alertmanager = await startAlertmanager(options);
  let prometheus: RunningPrometheus;
  try {
    prometheus = await startPrometheus({ ...options, alertmanagerUrl: alertmanager.url });
  } catch (err) {
    await alertmanager.stop();
    throw err;
  }
  return {
    prometheusUrl: prometheus.url,
    alertmanagerUrl: alertmanager.url,
    prometheus,
    alertmanager,
    async stop() {
      await Promise.all([prometheus.stop(), alertmanager.stop()]);
    },
  };
}
