import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { startAlertmanager } from '../src/monitoring/stack.ts';
import { requireBinary } from './helpers/binaries.ts';
import { inProcessGateway, readJson } from './helpers/gateway.ts';
import { until } from './helpers/poll.ts';
import { tempDir } from './helpers/sandbox.ts';

/**
 * A real Alertmanager delivering to the gateway with a bearer token: alerts posted to Alertmanager
 * become an incident with Alertmanager's own fingerprints, correlated across notification groups;
 * resolving them resolves the incident; a silenced alert never reaches the gateway.
 */
const TOKEN = 'am-to-gateway-token';

interface AmAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
}

describe('real Alertmanager → gateway', requireBinary('prometheus-alertmanager'), () => {
  let gateway: Awaited<ReturnType<typeof inProcessGateway>>;
  let am: Awaited<ReturnType<typeof startAlertmanager>>;
  const api = (path: string) =>
    fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } }).then(readJson);
  const fire = async (alerts: AmAlert[]) => {
    const res = await fetch(`${am.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    assert.equal(res.status, 200, await res.text());
  };

  before(async () => {
    // Alertmanager first (the gateway asks it which alerts it mutes), then the gateway, then the route.
    am = await startAlertmanager({ dir: tempDir('sre-nanobot-am-') });
    gateway = await inProcessGateway({
      gateway: { auth: { type: 'bearer', token: TOKEN } },
      alertmanagerUrl: am.url,
      alertmanagerSyncMs: 200,
    });
    // The stock config has no credentials: give the receiver the gateway's token, as an operator would.
    writeFileSync(
      am.configFile,
      stringify({
        route: {
          receiver: 'gateway',
          group_by: ['alertname', 'namespace'],
          group_wait: '1s',
          group_interval: '1s',
          repeat_interval: '1h',
        },
        receivers: [
          {
            name: 'gateway',
            webhook_configs: [
              {
                url: `${gateway.url}/api/v1/alerts/alertmanager`,
                send_resolved: true,
                http_config: { authorization: { type: 'Bearer', credentials: TOKEN } },
              },
            ],
          },
        ],
      }),
    );
    await am.reload();
  });
  after(async () => {
    await am?.stop();
    await gateway?.close();
  });

  it('turns a node outage and its pods, in separate notifications, into one incident, then resolves it', async () => {
    const node = { alertname: 'KubeNodeNotReady', node: 'worker-3', severity: 'critical' };
    const pods = ['web-5d8c9f7b4d-x2x9q', 'web-5d8c9f7b4d-q7z9k'].map((pod) => ({
      alertname: 'KubePodNotReady',
      namespace: 'shop',
      pod,
      node: 'worker-3',
      severity: 'warning',
    }));
    await fire([{ labels: node, annotations: { summary: 'worker-3 is not ready' } }]);
    const [incident] = await until('the node incident', async () => {
      const { incidents } = await api('/api/v1/incidents');
      return incidents.length && incidents;
    });
    assert.equal(incident.title, 'KubeNodeNotReady: node worker-3');
    assert.equal(incident.priority, 'P1');
    await fire(pods.map((labels) => ({ labels })));
    const view = await until('the pods to join the node incident', async () => {
      const v = await api(`/api/v1/incidents/${incident.id}`);
      return v.alerts.length === 3 && v;
    });
    assert.equal((await api('/api/v1/incidents')).incidents.length, 1, 'no incident of their own');
    // The fingerprints are Alertmanager's, so its retries and repeats deduplicate.
    const amAlerts = (await readJson(fetch(`${am.url}/api/v2/alerts`))) as { fingerprint: string }[];
    assert.deepEqual(
      view.alerts.map((a: { fingerprint: string }) => a.fingerprint).sort(),
      amAlerts.map((a) => a.fingerprint).sort(),
    );

    const now = new Date().toISOString();
    await fire([node, ...pods].map((labels) => ({ labels, endsAt: now })));
    const resolved = await until(
      'the incident to resolve',
      async () => {
        const v = await api(`/api/v1/incidents/${incident.id}`);
        return v.incident.status === 'resolved' && v;
      },
      { timeoutMs: 30_000 },
    );
    assert.equal(resolved.incident.firingCount, 0);
    assert.ok(resolved.timeline.some((t: { kind: string }) => t.kind === 'alert_resolved'));
  });

  it('marks an alert silenced after it joined as muted, and unmutes it when the silence ends', async () => {
    const labels = {
      alertname: 'KubeHpaMaxedOut',
      namespace: 'web',
      horizontalpodautoscaler: 'front',
      severity: 'warning',
    };
    await fire([{ labels }]);
    const incident = await until('the incident', async () =>
      (await api('/api/v1/incidents')).incidents.find((i: { title: string }) =>
        i.title.startsWith('KubeHpaMaxedOut'),
      ),
    );
    const silence = await readJson(
      fetch(`${am.url}/api/v2/silences`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          matchers: [{ name: 'alertname', value: 'KubeHpaMaxedOut', isRegex: false, isEqual: true }],
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + 3_600_000).toISOString(),
          createdBy: 'oncall',
          comment: 'scaling work',
        }),
      }),
    );
    const muted = await until('the alert to show as muted', async () => {
      const v = await api(`/api/v1/incidents/${incident.id}`);
      return v.alerts[0].suppressedBy?.length && v;
    });
    assert.deepEqual(muted.alerts[0].suppressedBy, [`silence ${silence.silenceID}`]);
    assert.ok(
      muted.timeline.some(
        (t: { message: string }) =>
          t.message ===
          `all 1 firing alert(s) muted in Alertmanager (silence ${silence.silenceID}): the bot leaves them to the silence`,
      ),
    );
    assert.equal(
      (await fetch(`${am.url}/api/v2/silence/${silence.silenceID}`, { method: 'DELETE' })).status,
      200,
    );
    const unmuted = await until('the alert to be unmuted', async () => {
      const v = await api(`/api/v1/incidents/${incident.id}`);
      return !v.alerts[0].suppressedBy && v;
    });
    assert.equal(unmuted.timeline.at(-1).message, 'no firing alert is muted in Alertmanager any more');
  });

  it('never hears of a silenced alert: the notification carries only its unsilenced sibling', async () => {
    // One alert name and namespace: one Alertmanager group, one notification for both.
    const silenced = {
      alertname: 'KubeQuotaAlmostFull',
      namespace: 'batch',
      resource: 'cpu',
      severity: 'info',
    };
    const heard = { ...silenced, resource: 'memory' };
    const res = await fetch(`${am.url}/api/v2/silences`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        matchers: [{ name: 'resource', value: 'cpu', isRegex: false, isEqual: true }],
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        createdBy: 'test',
        comment: 'maintenance',
      }),
    });
    assert.equal(res.status, 200, await res.text());
    await fire([{ labels: silenced }, { labels: heard }]);
    const incident = await until('the unsilenced alert', async () =>
      (await api('/api/v1/incidents')).incidents.find(
        (i: { title: string }) => i.title === 'KubeQuotaAlmostFull in batch',
      ),
    );
    const view = await api(`/api/v1/incidents/${incident.id}`);
    assert.deepEqual(
      view.alerts.map((a: { labels: { resource: string } }) => a.labels.resource),
      ['memory'],
    );
  });
});
