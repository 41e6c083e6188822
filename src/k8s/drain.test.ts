import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planDrain } from './drain.ts';
import type { Pod } from './wire.ts';

const pod = (
  name: string,
  extra: { owner?: string; phase?: string; emptyDir?: boolean; mirror?: boolean } = {},
): Pod => ({
  metadata: {
    name,
    namespace: 'ns',
    ownerReferences: extra.owner
      ? [{ apiVersion: 'apps/v1', kind: extra.owner, name: `${name}-owner`, uid: '1', controller: true }]
      : undefined,
    annotations: extra.mirror ? { 'kubernetes.io/config.mirror': 'x' } : undefined,
  },
  spec: { containers: [{ name: 'c' }], volumes: extra.emptyDir ? [{ name: 'tmp', emptyDir: {} }] : [] },
  status: { phase: extra.phase ?? 'Running' },
});

const pods = [
  pod('web', { owner: 'ReplicaSet' }),
  pod('proxy', { owner: 'DaemonSet' }),
  pod('cache', { owner: 'ReplicaSet', emptyDir: true }),
  pod('bare'),
  pod('done', { phase: 'Succeeded' }),
  pod('static', { mirror: true }),
];

test('the same rules as kubectl drain: DaemonSets, emptyDir data and bare pods need an option each', () => {
  const strict = planDrain(pods, {});
  assert.deepEqual(strict.blockers, [
    'ns/proxy is managed by DaemonSet proxy-owner (set ignoreDaemonSets)',
    'ns/cache has emptyDir data that eviction deletes (set deleteEmptyDirData)',
    'ns/bare has no controller and would not come back (set force to delete it anyway)',
  ]);
  const all = planDrain(pods, { ignoreDaemonSets: true, deleteEmptyDirData: true, force: true });
  assert.deepEqual(all.blockers, []);
  assert.deepEqual(
    all.evict.map((p) => p.metadata?.name),
    ['web', 'cache', 'bare', 'done'],
  );
  assert.deepEqual(
    all.skipped.map((s) => s.pod),
    ['ns/proxy', 'ns/static'],
  );
});
