import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../core/errors.ts';
import { rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { applyPatch } from './index.ts';

const deployments = rt('Deployment');

const deployment = (): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'api',
    namespace: 'prod',
    uid: 'd-1',
    labels: { app: 'api', tier: 'backend' },
    annotations: { 'deployment.kubernetes.io/revision': '3' },
    finalizers: ['example.com/keep'],
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'api' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      metadata: { labels: { app: 'api' } },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'api:3',
            env: [
              { name: 'LOG_LEVEL', value: 'info' },
              { name: 'OLD', value: 'x' },
            ],
            resources: { limits: { memory: '256Mi' } },
          },
          { name: 'sidecar', image: 'envoy:1.30' },
        ],
      },
    },
  },
  status: { replicas: 2 },
});

const template = (obj: KubeObject) => obj.spec.template;
const container = (obj: KubeObject, name: string) =>
  template(obj).spec.containers.find((c: { name: string }) => c.name === name);

describe('applyPatch with what kubectl sends', () => {
  it('kubectl scale: a merge patch of spec.replicas', () => {
    const out = applyPatch(
      deployments,
      deployment(),
      'application/merge-patch+json',
      '{"spec":{"replicas":3}}',
    );
    assert.equal(out.spec.replicas, 3);
    assert.deepEqual(template(out), template(deployment()));
  });

  it('kubectl rollout restart: a strategic patch of a template annotation', () => {
    const body =
      '{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2025-05-01T10:00:00Z"}}}}}';
    const out = applyPatch(deployments, deployment(), 'application/strategic-merge-patch+json', body);
    assert.deepEqual(template(out).metadata, {
      labels: { app: 'api' },
      annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-05-01T10:00:00Z' },
    });
    assert.equal(template(out).spec.containers.length, 2);
  });

  it('kubectl rollout undo: a JSON patch replacing the template and the annotations', () => {
    const previousTemplate = {
      metadata: { labels: { app: 'api' } },
      spec: { containers: [{ name: 'app', image: 'api:2' }] },
    };
    const body = JSON.stringify([
      { op: 'replace', path: '/spec/template', value: previousTemplate },
      { op: 'replace', path: '/metadata/annotations', value: { 'deployment.kubernetes.io/revision': '3' } },
    ]);
    const out = applyPatch(deployments, deployment(), 'application/json-patch+json', body);
    assert.deepEqual(template(out), previousTemplate);
    assert.deepEqual(out.metadata.annotations, { 'deployment.kubernetes.io/revision': '3' });
  });

  it('kubectl set image: containers merged by name with $setElementOrder', () => {
    const body = JSON.stringify({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'app' }, { name: 'sidecar' }],
            containers: [{ image: 'api:4', name: 'app' }],
          },
        },
      },
    });
    const out = applyPatch(deployments, deployment(), 'application/strategic-merge-patch+json', body);
    assert.equal(container(out, 'app').image, 'api:4');
    assert.equal(container(out, 'sidecar').image, 'envoy:1.30');
    assert.deepEqual(
      template(out).spec.containers.map((c: { name: string }) => c.name),
      ['app', 'sidecar'],
    );
  });

  it('kubectl set resources: only the named container changes', () => {
    const body = JSON.stringify({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'app' }, { name: 'sidecar' }],
            containers: [
              { name: 'app', resources: { limits: { memory: '1Gi' }, requests: { cpu: '250m' } } },
            ],
          },
        },
      },
    });
    const out = applyPatch(deployments, deployment(), 'application/strategic-merge-patch+json', body);
    assert.deepEqual(container(out, 'app').resources, {
      limits: { memory: '1Gi' },
      requests: { cpu: '250m' },
    });
    assert.equal(container(out, 'app').env.length, 2);
    assert.equal(container(out, 'sidecar').resources, undefined);
  });

  it('kubectl set env: env merged by name, NAME- deletes', () => {
    const body = JSON.stringify({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'app' }, { name: 'sidecar' }],
            containers: [
              {
                '$setElementOrder/env': [{ name: 'LOG_LEVEL' }, { name: 'DB_POOL' }],
                env: [
                  { name: 'LOG_LEVEL', value: 'debug' },
                  { name: 'DB_POOL', value: '20' },
                  { $patch: 'delete', name: 'OLD' },
                ],
                name: 'app',
              },
            ],
          },
        },
      },
    });
    const out = applyPatch(deployments, deployment(), 'application/strategic-merge-patch+json', body);
    assert.deepEqual(container(out, 'app').env, [
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'DB_POOL', value: '20' },
    ]);
  });

  it('kubectl apply (client side): a three-way patch with every directive', () => {
    const lastApplied = '{"apiVersion":"apps/v1","kind":"Deployment"}\n';
    const body = JSON.stringify({
      metadata: {
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied },
        labels: { tier: null, team: 'payments' },
        '$deleteFromPrimitiveList/finalizers': ['example.com/keep'],
      },
      spec: {
        strategy: { $retainKeys: ['type'], type: 'Recreate' },
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'app' }],
            containers: [
              {
                '$setElementOrder/env': [{ name: 'LOG_LEVEL' }],
                env: [{ $patch: 'delete', name: 'OLD' }],
                image: 'api:5',
                name: 'app',
              },
              { $patch: 'delete', name: 'sidecar' },
            ],
          },
        },
      },
    });
    const original = deployment();
    const out = applyPatch(
      deployments,
      original,
      'application/strategic-merge-patch+json; charset=utf-8',
      body,
    );
    assert.deepEqual(out.metadata.labels, { app: 'api', team: 'payments' });
    assert.deepEqual(out.metadata.finalizers, []);
    assert.equal(out.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'], lastApplied);
    assert.deepEqual(out.spec.strategy, { type: 'Recreate' });
    assert.deepEqual(template(out).spec.containers, [
      {
        name: 'app',
        image: 'api:5',
        env: [{ name: 'LOG_LEVEL', value: 'info' }],
        resources: { limits: { memory: '256Mi' } },
      },
    ]);
    assert.deepEqual(original, deployment(), 'the original object is never changed');
  });

  it('kubectl apply --server-side: the YAML intent merged onto the object', () => {
    const body = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      'spec:',
      '  replicas: 5',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: app',
      '        image: api:6',
    ].join('\n');
    const out = applyPatch(deployments, deployment(), 'application/apply-patch+yaml', body);
    assert.equal(out.spec.replicas, 5);
    assert.equal(container(out, 'app').image, 'api:6');
    assert.equal(container(out, 'sidecar').image, 'envoy:1.30');
  });

  it('returns a copy that shares nothing with the original', () => {
    const original = deployment();
    const out = applyPatch(deployments, original, 'application/merge-patch+json', '{"spec":{"replicas":9}}');
    out.spec.template.spec.containers[0].image = 'changed';
    assert.equal(original.spec.template.spec.containers[0].image, 'api:3');
  });
});

describe('applyPatch errors', () => {
  const rejects = (contentType: string, body: string, code: number, message: RegExp) =>
    assert.throws(
      () => applyPatch(deployments, deployment(), contentType, body),
      (err: unknown) => err instanceof ApiError && err.code === code && message.test(err.message),
    );

  it('answers an unknown content type with 415 and the accepted list', () => {
    rejects(
      'application/json',
      '{}',
      415,
      /^the body of the request was in an unknown format - accepted media types include: application\/json-patch\+json, application\/merge-patch\+json, application\/apply-patch\+yaml, application\/strategic-merge-patch\+json$/,
    );
  });

  it('answers a malformed body with 400 naming the problem', () => {
    rejects('application/merge-patch+json', '{"spec":', 400, /error decoding merge patch: /);
    rejects('application/strategic-merge-patch+json', '[1]', 400, /cannot unmarshal array/);
    rejects('application/apply-patch+yaml', 'a: [1,', 400, /error decoding YAML/);
    rejects('application/apply-patch+yaml', 'kind: Pod', 400, /kind in the data \(Pod\)/);
  });

  it('answers a failed JSON patch test with 422 Invalid', () => {
    rejects(
      'application/json-patch+json',
      '[{"op":"test","path":"/spec/replicas","value":7}]',
      422,
      /^the server rejected our request due to an error in our request$/,
    );
  });
});
