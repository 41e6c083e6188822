import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evidenceFromObjects } from './from-objects.ts';
import type { K8sObject } from './shapes.ts';

const pod = (
  name: string,
  owner: { kind: string; name: string } | undefined,
  extra: Partial<K8sObject> = {},
): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'shop',
    labels: { app: 'cart', 'pod-template-hash': '5d8c9' },
    ...(owner ? { ownerReferences: [{ ...owner, controller: true }] } : {}),
  },
  spec: { containers: [{ name: 'app' }, { name: 'proxy' }] },
  ...extra,
});

test('owner chains resolve to the workload, read or inferred', () => {
  const ev = evidenceFromObjects({
    objects: [
      pod('cart-5d8c9-a', { kind: 'ReplicaSet', name: 'cart-5d8c9' }),
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: {
          name: 'report-1',
          namespace: 'shop',
          ownerReferences: [{ kind: 'CronJob', name: 'report', controller: true }],
        },
      },
      pod('report-1-x', { kind: 'Job', name: 'report-1' }),
      pod('debug', undefined),
    ],
  });
  const byName = (n: string) => ev.list('Pod').find((p) => p.metadata.name === n)!;
  assert.deepEqual(ev.workloadOf(byName('cart-5d8c9-a')), {
    kind: 'Deployment',
    namespace: 'shop',
    name: 'cart',
  });
  assert.deepEqual(ev.workloadOf(byName('report-1-x')), {
    kind: 'CronJob',
    namespace: 'shop',
    name: 'report',
  });
  assert.equal(ev.workloadOf(byName('debug')), null);
  assert.equal(ev.podsOf({ kind: 'Deployment', namespace: 'shop', name: 'cart' }).length, 1);
});

test('pod log annotations become log tails, per container, and leave the pod', () => {
  const ev = evidenceFromObjects({
    objects: [
      pod('cart-5d8c9-a', undefined, {
        metadata: {
          name: 'cart-5d8c9-a',
          namespace: 'shop',
          annotations: {
            'sandbox.sre-nanobot.dev/logs': 'a\nb\n',
            'sandbox.sre-nanobot.dev/previous-logs': 'panic: x',
            'sandbox.sre-nanobot.dev/logs.proxy': 'proxy up',
            team: 'cart',
          },
        },
      }),
    ],
  });
  const p = ev.list('Pod')[0];
  assert.deepEqual(ev.logsOf(p, 'app'), { current: ['a', 'b'], previous: ['panic: x'] });
  assert.deepEqual(ev.logsOf(p, 'proxy'), { current: ['proxy up'] });
  assert.deepEqual(p.metadata.annotations, { team: 'cart' });
});

test('a snapshot is read as of its newest activity; a namespace scope keeps the cluster DNS', () => {
  const ev = evidenceFromObjects({
    namespaces: ['shop'],
    objects: [
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'e', namespace: 'shop' },
        lastTimestamp: '2025-06-12T09:30:00Z',
        involvedObject: { kind: 'Pod', name: 'x' },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
        spec: { selector: { 'k8s-app': 'kube-dns' } },
      },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'other', namespace: 'billing' } },
    ],
  });
  assert.equal(ev.now, Date.parse('2025-06-12T09:30:00Z'));
  assert.ok(ev.isRecent(Date.parse('2025-06-12T09:00:00Z'), 3_600_000));
  assert.ok(!ev.isRecent(Date.parse('2025-06-12T07:00:00Z'), 3_600_000));
  assert.deepEqual(
    ev.list('Service').map((s) => s.metadata.name),
    ['kube-dns'],
  );
});
