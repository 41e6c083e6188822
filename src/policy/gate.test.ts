import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { MemoryAuditSink } from './audit.ts';
import { PolicyDenied, PolicyGate } from './gate.ts';
import type { Mutation } from './mutation.ts';
import type { Operation } from './operation.ts';
import { assertPermit, type Permit } from './permit.ts';
import { defaultPolicy, parseProtectedRule } from './policy.ts';

const scale = (namespace: string, name: string, labels: Record<string, string> = {}): Mutation<'scale'> => ({
  verb: 'scale',
  target: { context: 'test', apiVersion: 'apps/v1', kind: 'Deployment', namespace, name, labels },
  params: { replicas: 5, previousReplicas: 3 },
  requestedBy: 'test',
});

/** An operation that records the permit it was given instead of touching a cluster. */
function recording(mutation: Mutation) {
  const permits: Permit[] = [];
  const op: Operation<string> = {
    mutation,
    perform: async (permit) => {
      assertPermit(permit, 'the test write');
      permits.push(permit);
      return 'done';
    },
  };
  return { op, permits };
}

describe('policy gate', () => {
  test('lets an ordinary mutation through with a permit, and audits it', async () => {
    const audit = new MemoryAuditSink();
    const gate = new PolicyGate({ policy: defaultPolicy(), audit });
    const { op, permits } = recording(scale('production', 'api-service'));
    const done = await gate.execute(op);
    assert.deepEqual(done, { result: 'done', dryRun: false });
    assert.equal(permits.length, 1);
    assert.equal(permits[0].dryRun, false);
    assert.deepEqual(
      audit.entries().map((e) => e.outcome),
      ['succeeded'],
    );
  });

  test('read-only refuses everything and never calls the operation', async () => {
    const audit = new MemoryAuditSink();
    const gate = new PolicyGate({ policy: defaultPolicy({ readOnly: true }), audit });
    const { op, permits } = recording(scale('staging', 'web'));
    await assert.rejects(gate.execute(op), (err: PolicyDenied) => {
      assert.ok(err instanceof PolicyDenied);
      assert.equal(err.check, 'read-only');
      assert.match(
        err.message,
        /policy refused to scale deployment staging\/web \(context test\): the policy is read-only/,
      );
      return true;
    });
    assert.equal(permits.length, 0);
    assert.equal(audit.entries()[0].outcome, 'denied');
  });

  test('namespace deny and allow lists', async () => {
    const deny = new PolicyGate({ policy: defaultPolicy({ denyNamespaces: ['kube-system'] }) });
    await assert.rejects(
      deny.execute(recording(scale('kube-system', 'coredns')).op),
      /namespace kube-system is on the policy's deny list/,
    );
    await deny.execute(recording(scale('production', 'api')).op);

    const allow = new PolicyGate({ policy: defaultPolicy({ allowNamespaces: ['staging'] }) });
    await assert.rejects(
      allow.execute(recording(scale('production', 'api')).op),
      /not on the policy's allow list \(staging\)/,
    );
    await allow.execute(recording(scale('staging', 'api')).op);

    // A Namespace object counts as being in itself; other cluster-scoped objects in none.
    const ns: Mutation = {
      verb: 'delete',
      target: { context: 't', apiVersion: 'v1', kind: 'Namespace', name: 'kube-system' },
      params: {},
      requestedBy: 't',
    };
    await assert.rejects(deny.execute(recording(ns).op), /deny list/);
    const node: Mutation = {
      verb: 'cordon',
      target: { context: 't', apiVersion: 'v1', kind: 'Node', name: 'node-1' },
      params: {},
      requestedBy: 't',
    };
    await allow.execute(recording(node).op);
  });

  test('protected workloads by name, by kind and name, and by label (the default label rule included)', async () => {
    const gate = new PolicyGate({
      policy: defaultPolicy({
        protected: [
          ...defaultPolicy().protected,
          parseProtectedRule('production/payment-service'),
          parseProtectedRule('tier=db'),
        ],
      }),
    });
    await assert.rejects(
      gate.execute(recording(scale('production', 'payment-service')).op),
      /protected by the rule 'production\/payment-service'/,
    );
    await assert.rejects(
      gate.execute(recording(scale('staging', 'pg', { tier: 'db' })).op),
      /protected by the rule 'tier=db'/,
    );
    await assert.rejects(
      gate.execute(recording(scale('staging', 'x', { 'sre-nanobot.dev/protected': 'true' })).op),
      /sre-nanobot.dev\/protected=true/,
    );
    await gate.execute(recording(scale('staging', 'payment-service')).op);
    assert.deepEqual(parseProtectedRule('Deployment:production/api'), {
      kind: 'Deployment',
      namespace: 'production',
      name: 'api',
    });
    assert.deepEqual(parseProtectedRule('kube-system/*'), { namespace: 'kube-system', name: undefined });
    assert.throws(() => parseProtectedRule('nonsense'), /not a protection rule/);
  });

  test('dry run — by policy or by request — reaches the operation as a dry-run permit', async () => {
    const byPolicy = recording(scale('production', 'api'));
    assert.equal(
      (await new PolicyGate({ policy: defaultPolicy({ dryRun: true }) }).execute(byPolicy.op)).dryRun,
      true,
    );
    assert.equal(byPolicy.permits[0].dryRun, true);
    const byRequest = recording({ ...scale('production', 'api'), dryRun: true });
    await new PolicyGate({ policy: defaultPolicy() }).execute(byRequest.op);
    assert.equal(byRequest.permits[0].dryRun, true);
  });

  test('a failing operation is audited as failed and its error passes through', async () => {
    const audit = new MemoryAuditSink();
    const gate = new PolicyGate({ policy: defaultPolicy(), audit });
    const op: Operation<never> = {
      mutation: scale('production', 'api'),
      perform: () => Promise.reject(new Error('conflict')),
    };
    await assert.rejects(gate.execute(op), /conflict/);
    assert.deepEqual(
      audit.entries().map((e) => [e.outcome, e.reason]),
      [['failed', 'conflict']],
    );
  });

  test('checks run in order and a later issue can add its own', async () => {
    const seen: string[] = [];
    const gate = new PolicyGate({
      policy: defaultPolicy(),
      checks: [
        { name: 'first', check: () => void seen.push('first') },
        { name: 'approval', check: async () => 'waiting for approval' },
        { name: 'never', check: () => void seen.push('never') },
      ],
    });
    await assert.rejects(gate.execute(recording(scale('a', 'b')).op), /waiting for approval/);
    assert.deepEqual(seen, ['first']);
  });

  test('a permit cannot be forged, and only the gate issues them', () => {
    assert.throws(
      () => assertPermit({ mutation: scale('a', 'b'), dryRun: false }, 'PATCH /x'),
      /must pass through the policy gate/,
    );
    const src = new URL('../', import.meta.url).pathname;
    const offenders = sourceFiles(src).filter(
      (f) =>
        !f.endsWith('policy/permit.ts') &&
        !f.endsWith('policy/gate.ts') &&
        /\bissuePermit\b/.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}
