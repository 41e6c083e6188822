import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../core/errors.ts';
import { rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { selectorString } from '../tables/format.ts';
import { fieldPredicate } from './field-selectors.ts';
import { labelPredicate } from './selectors.ts';

const withLabels = (labels: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'n', labels },
});

describe('label selectors', () => {
  it('parses every operator', () => {
    const matches = (selector: string, labels: Record<string, string>) =>
      labelPredicate(selector)!(withLabels(labels));
    assert.ok(matches('app=web', { app: 'web' }));
    assert.ok(matches('app==web', { app: 'web' }));
    assert.ok(!matches('app!=web', { app: 'web' }));
    assert.ok(matches('app!=web', {}));
    assert.ok(matches('env in (prod, staging)', { env: 'staging' }));
    assert.ok(!matches('env notin (prod)', { env: 'prod' }));
    assert.ok(matches('env notin (prod)', {}));
    assert.ok(matches('canary', { canary: '' }));
    assert.ok(matches('!canary', {}));
    assert.ok(matches('rank>2,rank<5', { rank: '3' }));
    assert.ok(matches('app=web, tier in (a,b), !debug', { app: 'web', tier: 'b' }));
    assert.equal(labelPredicate(''), undefined);
  });

  it('rejects malformed selectors with 400', () => {
    for (const bad of ['a b', 'a in b', '=x', 'a=b c', 'x in (a', 'a=$']) {
      assert.throws(
        () => labelPredicate(bad),
        (e: unknown) => e instanceof ApiError && e.code === 400,
        bad,
      );
    }
  });

  it('prints structured selectors as strings', () => {
    const selector = {
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }],
    };
    assert.equal(selectorString(selector), 'app=web,tier notin (db)');
  });
});

describe('field selectors', () => {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'n' },
    spec: { nodeName: 'n1' },
    status: { phase: 'Running' },
  };

  it('supports the per-kind fields with =, == and !=', () => {
    assert.ok(fieldPredicate(rt('Pod'), 'spec.nodeName=n1,status.phase!=Failed')!(pod));
    assert.ok(!fieldPredicate(rt('Pod'), 'status.phase==Pending')!(pod));
    assert.ok(fieldPredicate(rt('Pod'), 'metadata.namespace=n')!(pod));
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e', namespace: 'n' },
      involvedObject: { kind: 'Pod', name: 'p', uid: 'u' },
      source: { component: 'kubelet' },
    } as KubeObject;
    assert.ok(
      fieldPredicate(rt('Event'), 'involvedObject.name=p,involvedObject.kind=Pod,source=kubelet')!(event),
    );
  });

  it('rejects fields the kind does not support', () => {
    assert.throws(
      () => fieldPredicate(rt('Pod'), 'spec.foo=x'),
      (e: unknown) =>
        e instanceof ApiError && e.code === 400 && e.message === 'field label not supported: spec.foo',
    );
    assert.throws(() => fieldPredicate(rt('Deployment'), 'status.phase=x'), ApiError);
  });
});
