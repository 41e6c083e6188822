import { stringify } from 'yaml';

/** A scrape target as `host:port` (path `/metrics`, http) or a full URL naming scheme and path. */
export interface ScrapeTarget {
  scheme: 'http' | 'https';
  host: string;
  metricsPath: string;
}

/** Prometheus wants host:port; a URL that relies on its scheme's default port drops it. */
const hostWithPort = (url: URL) => `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;

export function parseScrapeTarget(target: string): ScrapeTarget {
  if (!/^[a-z]+:\/\//i.test(target)) {
    if (!/^[^/\s]+:\d+$/.test(target))
      throw new Error(
        `scrape target "${target}" is neither host:port nor a URL like http://host:port/metrics`,
      );
    return { scheme: 'http', host: target, metricsPath: '/metrics' };
  }
  const url = new URL(target);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`scrape target "${target}" must use http or https`);
  return {
    scheme: url.protocol === 'https:' ? 'https' : 'http',
    host: hostWithPort(url),
    metricsPath: url.pathname === '/' ? '/metrics' : url.pathname,
  };
}

export interface PrometheusConfigInput {
  scrapeTargets: string[];
  ruleFiles?: string[];
  alertmanagerUrl?: string;
  scrapeIntervalSeconds?: number;
  evaluationIntervalSeconds?: number;
}

/** Targets that share scheme and path share one job, so `job` stays stable as targets are added. */
function scrapeJobs(targets: string[]) {
  const jobs = new Map<
    string,
    { scheme: string; metrics_path: string; static_configs: [{ targets: string[] }] }
  >();
  for (const t of targets.map(parseScrapeTarget)) {
    const key = `${t.scheme} ${t.metricsPath}`;
    const job = jobs.get(key) ?? {
      scheme: t.scheme,
      metrics_path: t.metricsPath,
      static_configs: [{ targets: [] as string[] }],
    };
    job.static_configs[0].targets.push(t.host);
    jobs.set(key, job);
  }
  return [...jobs.values()].map((job, i) => ({ job_name: i === 0 ? 'sandbox' : `sandbox-${i + 1}`, ...job }));
}

/** prometheus.yml: short intervals by default, because tests wait on scrapes and rule evaluations. */
export function prometheusConfig(input: PrometheusConfigInput): string {
  const scrape = input.scrapeIntervalSeconds ?? 1;
  const evaluation = input.evaluationIntervalSeconds ?? scrape;
  const config: Record<string, unknown> = {
    global: {
      scrape_interval: `${scrape}s`,
      scrape_timeout: `${scrape}s`,
      evaluation_interval: `${evaluation}s`,
    },
    scrape_configs: scrapeJobs(input.scrapeTargets),
  };
  if (input.ruleFiles?.length) config.rule_files = input.ruleFiles;
  if (input.alertmanagerUrl) {
    const am = new URL(input.alertmanagerUrl);
    config.alerting = {
      alertmanagers: [
        {
          scheme: am.protocol.replace(':', ''),
          ...(am.pathname !== '/' ? { path_prefix: am.pathname } : {}),
          static_configs: [{ targets: [hostWithPort(am)] }],
        },
      ],
    };
  }
  return stringify(config);
}

export interface AlertmanagerConfigInput {
  webhookUrl?: string;
  groupBy?: string[];
  groupWaitSeconds?: number;
  groupIntervalSeconds?: number;
  repeatIntervalSeconds?: number;
}

/** Alerts of one alert name in one namespace notify together (the gateway groups incidents the same way). */
export const DEFAULT_GROUP_BY = ['alertname', 'namespace'];

/** alertmanager.yml: one route to one webhook (resolved notifications on), or to nowhere without one. */
export function alertmanagerConfig(input: AlertmanagerConfigInput): string {
  const receiver = input.webhookUrl
    ? { name: 'webhook', webhook_configs: [{ url: input.webhookUrl, send_resolved: true }] }
    : { name: 'none' };
  return stringify({
    route: {
      receiver: receiver.name,
      group_by: input.groupBy ?? DEFAULT_GROUP_BY,
      group_wait: `${input.groupWaitSeconds ?? 1}s`,
      group_interval: `${input.groupIntervalSeconds ?? 1}s`,
      repeat_interval: `${input.repeatIntervalSeconds ?? 3600}s`,
    },
    receivers: [receiver],
  });
}
