import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../core/errors.ts';
import type { JsonObject } from './json.ts';
import { strategicMerge } from './strategic-merge.ts';
import { strategicSchemaFor } from './strategic-schema.ts';

const pod = strategicSchemaFor('Pod');
const deployment = strategicSchemaFor('Deployment');
const names = (list: unknown) => (list as { name: string }[]).map((c) => c.name);

const podObject = (): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', finalizers: ['a', 'b'], labels: { app: 'x', tier: 'web' } },
  spec: {
    containers: [
      {
        name: 'app',
        image: 'app:1',
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
        ports: [{ containerPort: 8080 }],
      },
      { name: 'sidecar', image: 'envoy:1' },
    ],
    tolerations: [{ key: 'k', operator: 'Exists' }],
    volumes: [{ name: 'data', emptyDir: {} }],
  },
});

describe('strategicMerge', () => {
  it('merges containers by name, keeping the ones the patch does not name', () => {
    const out = strategicMerge(podObject(), { spec: { containers: [{ name: 'app', image: 'app:2' }] } }, pod);
    const containers = (out.spec as JsonObject).containers as JsonObject[];
    assert.deepEqual(names(containers), ['app', 'sidecar']);
    assert.equal(containers[0].image, 'app:2');
    assert.deepEqual(names(containers[0].env), ['A', 'B'], 'fields the patch does not mention stay');
    assert.equal(containers[1].image, 'envoy:1');
  });

  it('puts a container the original lacks first, as the real server does', () => {
    // kubernetes.io "Update API Objects in Place Using kubectl patch": the patched-in container is listed first.
    const out = strategicMerge(
      podObject(),
      { spec: { containers: [{ name: 'debug', image: 'busybox' }] } },
      pod,
    );
    assert.deepEqual(names((out.spec as JsonObject).containers), ['debug', 'app', 'sidecar']);
  });

  it('merges env by name and replaces lists without a strategy', () => {
    const out = strategicMerge(
      podObject(),
      {
        spec: {
          containers: [
            {
              name: 'app',
              env: [
                { name: 'B', value: 'two' },
                { name: 'C', value: '3' },
              ],
            },
          ],
          tolerations: [{ key: 'other', operator: 'Exists' }],
        },
      },
      pod,
    );
    const spec = out.spec as JsonObject;
    const env = ((spec.containers as JsonObject[])[0].env as JsonObject[]).map((e) => `${e.name}=${e.value}`);
    assert.deepEqual(env, ['A=1', 'B=two', 'C=3']);
    assert.deepEqual(spec.tolerations, [{ key: 'other', operator: 'Exists' }]);
  });

  it('deletes list elements with $patch: delete and maps with null', () => {
    const out = strategicMerge(
      podObject(),
      {
        metadata: { labels: { tier: null } },
        spec: {
          containers: [
            { $patch: 'delete', name: 'sidecar' },
            { name: 'app', env: [{ $patch: 'delete', name: 'A' }] },
          ],
        },
      },
      pod,
    );
    const containers = (out.spec as JsonObject).containers as JsonObject[];
    assert.deepEqual(names(containers), ['app']);
    assert.deepEqual(names(containers[0].env), ['B']);
    assert.deepEqual((out.metadata as JsonObject).labels, { app: 'x' });
  });

  it('replaces a whole list or map with $patch: replace', () => {
    const out = strategicMerge(
      podObject(),
      {
        metadata: { labels: { $patch: 'replace', only: 'this' } },
        spec: { containers: [{ $patch: 'replace' }, { name: 'solo', image: 'solo:1' }] },
      },
      pod,
    );
    assert.deepEqual((out.metadata as JsonObject).labels, { only: 'this' });
    assert.deepEqual((out.spec as JsonObject).containers, [{ name: 'solo', image: 'solo:1' }]);
  });

  it('empties a map with $patch: delete', () => {
    const out = strategicMerge(podObject(), { metadata: { labels: { $patch: 'delete' } } }, pod);
    assert.deepEqual((out.metadata as JsonObject).labels, {});
  });

  it('orders a merged list by $setElementOrder', () => {
    const out = strategicMerge(
      podObject(),
      {
        spec: {
          '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'app' }],
          containers: [{ name: 'app', image: 'app:3' }],
        },
      },
      pod,
    );
    const containers = (out.spec as JsonObject).containers as JsonObject[];
    assert.deepEqual(names(containers), ['sidecar', 'app']);
    assert.equal(containers[1].image, 'app:3');
    assert.ok(!Object.keys(out.spec as JsonObject).some((k) => k.startsWith('$setElementOrder/')));
  });

  it('rejects a $setElementOrder that contradicts the patch list', () => {
    assert.throws(
      () =>
        strategicMerge(
          podObject(),
          {
            spec: {
              '$setElementOrder/containers': [{ name: 'app' }],
              containers: [{ name: 'other', image: 'x' }],
            },
          },
          pod,
        ),
      (err: unknown) =>
        err instanceof ApiError && err.code === 400 && /doesn't match \$setElementOrder/.test(err.message),
    );
  });

  it('clears keys not listed in $retainKeys', () => {
    const original: JsonObject = {
      metadata: { name: 'd' },
      spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } },
    };
    const out = strategicMerge(
      original,
      { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      deployment,
    );
    assert.deepEqual((out.spec as JsonObject).strategy, { type: 'Recreate' });
    const volumes = strategicMerge(
      podObject(),
      {
        spec: { volumes: [{ $retainKeys: ['configMap', 'name'], name: 'data', configMap: { name: 'cfg' } }] },
      },
      pod,
    );
    assert.deepEqual((volumes.spec as JsonObject).volumes, [{ name: 'data', configMap: { name: 'cfg' } }]);
  });

  it('treats finalizers as a set and honours $deleteFromPrimitiveList', () => {
    const out = strategicMerge(
      podObject(),
      { metadata: { finalizers: ['b', 'c'], '$deleteFromPrimitiveList/finalizers': ['a'] } },
      pod,
    );
    assert.deepEqual((out.metadata as JsonObject).finalizers, ['b', 'c']);
  });

  it('merges ports by containerPort and ownerReferences by uid', () => {
    const out = strategicMerge(
      {
        metadata: { name: 'p', ownerReferences: [{ uid: 'u1', kind: 'ReplicaSet', name: 'rs' }] },
        spec: { containers: [{ name: 'app', ports: [{ containerPort: 80, name: 'http' }] }] },
      },
      {
        metadata: { ownerReferences: [{ uid: 'u1', controller: true }] },
        spec: { containers: [{ name: 'app', ports: [{ containerPort: 9090, name: 'metrics' }] }] },
      },
      pod,
    );
    assert.deepEqual((out.metadata as JsonObject).ownerReferences, [
      { uid: 'u1', kind: 'ReplicaSet', name: 'rs', controller: true },
    ]);
    const ports = ((out.spec as JsonObject).containers as JsonObject[])[0].ports as JsonObject[];
    assert.deepEqual(
      ports.map((p) => p.containerPort),
      [9090, 80],
    );
  });

  it('keys strategies on the path, so templates of every workload kind merge containers', () => {
    const cronJob = {
      spec: {
        jobTemplate: {
          spec: {
            template: {
              spec: {
                containers: [
                  { name: 'a', image: '1' },
                  { name: 'b', image: '1' },
                ],
              },
            },
          },
        },
      },
    };
    const out = strategicMerge(
      cronJob,
      {
        spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'b', image: '2' }] } } } } },
      },
      strategicSchemaFor('CronJob'),
    );
    assert.deepEqual(out, {
      spec: {
        jobTemplate: {
          spec: {
            template: {
              spec: {
                containers: [
                  { name: 'a', image: '1' },
                  { name: 'b', image: '2' },
                ],
              },
            },
          },
        },
      },
    });
    // The same list under a kind that has no such path is replaced whole, like a merge patch.
    const replaced = strategicMerge(
      cronJob,
      { spec: { jobTemplate: { spec: { template: { spec: { containers: [] } } } } } },
      pod,
    );
    assert.deepEqual(replaced, {
      spec: { jobTemplate: { spec: { template: { spec: { containers: [] } } } } },
    });
  });

  it('never stores directives in values the original did not have', () => {
    const out = strategicMerge(
      { metadata: { name: 'p' }, spec: {} },
      {
        spec: {
          containers: [
            {
              name: 'x',
              image: 'i',
              '$setElementOrder/env': [{ name: 'A' }],
              env: [{ name: 'A', value: null }],
            },
          ],
        },
      },
      pod,
    );
    assert.deepEqual(out, {
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'x', image: 'i', env: [{ name: 'A' }] }] },
    });
  });

  it('rejects malformed directives with 400', () => {
    const bad: JsonObject[] = [
      { spec: { containers: [{ image: 'no-name' }] } },
      { metadata: { $patch: 'explode' } },
      { spec: { containers: [{ $patch: 'delete' }] } },
      { metadata: { '$deleteFromPrimitiveList/finalizers': 'a' } },
      { spec: { strategy: { $retainKeys: ['type'], other: 1 } } },
    ];
    for (const patch of bad) {
      assert.throws(
        () => strategicMerge(podObject(), patch, pod),
        (err: unknown) => err instanceof ApiError && err.code === 400,
        JSON.stringify(patch),
      );
    }
  });
});
