import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookAlert, WebhookPayload as WebhookBody } from '../../src/incidents/types.ts';

export type { WebhookAlert, WebhookPayload as WebhookBody } from '../../src/incidents/types.ts';

export interface Delivery {
  /** Wall-clock ms when it arrived. */
  at: number;
  headers: IncomingHttpHeaders;
  body: WebhookBody;
}

/** One alert as delivered, with when it arrived. */
export interface Notification extends WebhookAlert {
  at: number;
}

export interface WebhookReceiver {
  /** The URL to give Alertmanager. */
  url: string;
  readonly deliveries: Delivery[];
  /** Every alert of every delivery, in arrival order. */
  notifications(): Notification[];
  /** Resolves with the first truthy value `predicate` returns, re-checked on each delivery; rejects at the deadline. */
  waitFor<T>(
    what: string,
    predicate: (r: WebhookReceiver) => T | undefined | false,
    timeoutMs: number,
  ): Promise<T>;
  /** One line per notification (`firing KubePodCrashLooping {namespace=…,pod=…}`), for failure messages. */
  describe(filter?: (n: Notification) => boolean): string;
  stop(): Promise<void>;
}

const LABELS_SHOWN = [
  'namespace',
  'pod',
  'container',
  'deployment',
  'statefulset',
  'service',
  'node',
  'persistentvolumeclaim',
  'secret',
  'ingress',
  'host',
  'job_name',
  'reason',
  'condition',
];

const labelText = (labels: Record<string, string>) =>
  `{${LABELS_SHOWN.filter((k) => labels[k] !== undefined)
    .map((k) => `${k}=${labels[k]}`)
    .join(',')}}`;

/**
 * An Alertmanager webhook receiver on a free loopback port: records every v4 body (400 for anything
 * else, as a strict receiver would) and lets a test wait for what it expects to arrive.
 */
export async function startWebhook(): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      let body: WebhookBody;
      try {
        body = JSON.parse(text);
      } catch {
        res.writeHead(400).end('body is not JSON');
        return;
      }
      if (req.method !== 'POST' || body?.version !== '4' || !Array.isArray(body.alerts)) {
        res.writeHead(400).end('expected POST of an Alertmanager v4 webhook body');
        return;
      }
      deliveries.push({ at: Date.now(), headers: req.headers, body });
      res.writeHead(200).end();
      for (const wake of [...waiters]) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}/alerts`,
    deliveries,
    notifications: () => deliveries.flatMap((d) => d.body.alerts.map((a) => ({ ...a, at: d.at }))),
    waitFor(what, predicate, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          let value: ReturnType<typeof predicate>;
          try {
            value = predicate(receiver);
          } catch (err) {
            finish();
            reject(err);
            return;
          }
          if (value) {
            finish();
            resolve(value);
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    describe(filter = () => true) {
      const lines = receiver
        .notifications()
        .filter(filter)
        .map((n) => `${n.status} ${n.labels.alertname} ${labelText(n.labels)}`);
      // Alertmanager repeats a group's alerts in each notification: show each distinct line once.
      const unique = [...new Set(lines)];
      return unique.length ? unique.join('\n  ') : '(nothing)';
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return receiver;
}
