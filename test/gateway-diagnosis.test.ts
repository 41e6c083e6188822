import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnoseCluster } from '../src/diagnosis/index.ts';
import { alert, payload } from '../src/monitor/testkit.ts';
import { inProcessGateway, readJson } from './helpers/gateway.ts';
import { until } from './helpers/poll.ts';
import { inProcessSandbox } from './helpers/sandbox.ts';

/**
 * With a cluster configured, the gateway's Incident agent diagnoses each new incident: an alert
 * about a crash-looping Deployment in the sandbox ends with the crash_loop finding and its runbook
 * stored on the incident, which is back to open for the AutoFix agent.
 */
describe('gateway diagnosis of new incidents', () => {
  it('stores the root cause of a live fault on the incident its alert opened', async () => {
    const sandbox = await inProcessSandbox({ speed: 50 });
    let gateway: Awaited<ReturnType<typeof inProcessGateway>> | undefined;
    try {
      // The estate starts its pods first; the fault needs them.
      await until('the fault to go in', () =>
        sandbox.faults.inject({
          type: 'crash_loop',
          namespace: 'production',
          target: 'deployment/api-service',
        }),
      );
      await until(
        'the crash loop to show',
        async () => {
          const d = await diagnoseCluster({ kubeconfig: sandbox.kubeconfig, namespaces: ['production'] });
          return d.findings.some((f) => f.pattern === 'crash_loop');
        },
        { timeoutMs: 40_000, intervalMs: 200 },
      );
      gateway = await inProcessGateway({ kubeconfig: sandbox.kubeconfig });
      const res = await gateway.post(
        payload([
          alert({
            alertname: 'KubePodCrashLooping',
            namespace: 'production',
            deployment: 'api-service',
            severity: 'critical',
          }),
        ]),
      );
      const { incidents } = await readJson(res);
      const view = await until(
        'the diagnosis to be stored',
        async () => {
          const v = await readJson(fetch(`${gateway!.url}/api/v1/incidents/${incidents[0]}`));
          return v.findings.length && v.incident.status === 'open' && v;
        },
        { timeoutMs: 30_000, intervalMs: 100 },
      );
      assert.equal(view.findings[0].pattern, 'crash_loop');
      assert.equal(view.runbook, view.findings[0].runbook);
      assert.deepEqual(
        view.timeline.map((t: { kind: string }) => t.kind),
        ['created', 'alert_joined', 'status_changed', 'diagnosed', 'status_changed'],
      );
    } finally {
      await gateway?.close();
      await sandbox.stop();
    }
  });

  it("joins a pod's alert to its node's incident although the alert does not name the node", async () => {
    const sandbox = await inProcessSandbox({ speed: 50 });
    let gateway: Awaited<ReturnType<typeof inProcessGateway>> | undefined;
    try {
      const pod = await until('a scheduled pod', async () => {
        const list = await readJson(fetch(`${sandbox.server}/api/v1/namespaces/production/pods`));
        return list.items.find((p: { spec?: { nodeName?: string } }) => p.spec?.nodeName);
      });
      gateway = await inProcessGateway({ kubeconfig: sandbox.kubeconfig });
      const node = pod.spec.nodeName;
      const opened = await readJson(
        gateway.post(payload([alert({ alertname: 'KubeNodeNotReady', node, severity: 'critical' })])),
      );
      // As kube-prometheus sends it: namespace and pod, no node.
      const joined = await readJson(
        gateway.post(
          payload([alert({ alertname: 'KubePodNotReady', namespace: 'production', pod: pod.metadata.name })]),
        ),
      );
      assert.deepEqual(joined.incidents, opened.incidents);
    } finally {
      await gateway?.close();
      await sandbox.stop();
    }
  });
});
