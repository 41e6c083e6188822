import { rt } from '../core/resources.ts';
import { latencyCdf, meanLatency } from '../runtime/latency.ts';
import type { Collector } from './context.ts';
import { labels } from './exposition.ts';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
const METHODS: [string, number][] = [
  ['GET', 0.8],
  ['POST', 0.2],
];
const CODES = [200, 500, 502, 503, 504];

/**
 * RED metrics per HTTP Service as its mesh sidecars would report them: requests by method and code,
 * and a latency histogram, advanced by the traffic model over simulated time.
 */
export const red: Collector = {
  name: 'red',
  collect(ctx, out) {
    const traffic = ctx.runtime?.traffic;
    const requests = out.family(
      'http_requests_total',
      'counter',
      'Total HTTP requests handled by the service, by method and status code.',
    );
    const duration = out.histogram('http_request_duration_seconds', 'HTTP request latency in seconds.');
    if (!traffic) return;
    for (const svc of ctx.store.list(rt('Service'))) {
      if (svc.spec?.clusterIP === 'None') continue;
      const namespace = svc.metadata.namespace ?? 'default';
      const t = traffic.service(namespace, svc.metadata.name);
      if (t?.protocol !== 'http') continue;
      const rps = t.offeredRps;
      const codeShare = (code: number) => (code === 200 ? 1 - t.errorRatio : (t.errorsByCode[code] ?? 0));
      const rates: number[] = [];
      for (const [, methodShare] of METHODS)
        for (const code of CODES) rates.push(rps * methodShare * codeShare(code));
      for (const le of LATENCY_BUCKETS) rates.push(rps * latencyCdf(t.latency, le));
      rates.push(rps * meanLatency(t.latency), rps);
      const c = ctx.counters.advance(`http/${namespace}/${svc.metadata.name}`, rates);
      const base = labels({ namespace, service: svc.metadata.name });
      let i = 0;
      for (const [method] of METHODS) {
        for (const code of CODES) requests(`${base},${labels({ method, code })}`, Math.floor(c[i++]));
      }
      const buckets = LATENCY_BUCKETS.map((_, j) => Math.floor(c[i + j]));
      const sum = c[i + LATENCY_BUCKETS.length];
      const count = Math.floor(c[i + LATENCY_BUCKETS.length + 1]);
      duration(base, LATENCY_BUCKETS, buckets, Number(sum.toFixed(6)), count);
    }
  },
};
