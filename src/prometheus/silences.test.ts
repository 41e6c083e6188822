import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MemoryAuditSink } from '../policy/audit.ts';
import { PolicyGate } from '../policy/gate.ts';
import { defaultPolicy } from '../policy/policy.ts';
import { AlertmanagerClient } from './alertmanager.ts';
import {
  checkNotSilencingEverything,
  createSilenceOperation,
  describeMatchers,
  expireSilenceOperation,
  parseMatchers,
  splitMatchers,
} from './silences.ts';

// Port 9 refuses connections: any call that reached the network would fail the test.
const am = new AlertmanagerClient({ url: 'http://127.0.0.1:9' });
const request = {
  matchers: parseMatchers({ alertname: 'HighErrorRate', namespace: 'production' }),
  startsAt: new Date('2024-05-01T12:00:00Z'),
  endsAt: new Date('2024-05-01T14:00:00Z'),
  comment: 'INC-1',
  createdBy: 'test',
};

describe('silences', () => {
  test('matchers from an object, a list or one string', () => {
    assert.deepEqual(parseMatchers({ alertname: 'X' }), [
      { name: 'alertname', value: 'X', isRegex: false, isEqual: true },
    ]);
    assert.deepEqual(splitMatchers('{a="x,y", b=~"z.*"}'), ['a="x,y"', 'b=~"z.*"']);
    assert.deepEqual(parseMatchers(['severity!=info', 'service=~"api-.*"']), [
      { name: 'severity', value: 'info', isRegex: false, isEqual: false },
      { name: 'service', value: 'api-.*', isRegex: true, isEqual: true },
    ]);
    assert.equal(describeMatchers(parseMatchers('a="q\\"t", b!~"x"')), '{a="q\\"t", b!~"x"}');
    assert.throws(() => parseMatchers('not a matcher'), /write label="value"/);
    assert.throws(() => parseMatchers([]), /at least one matcher/);
  });

  test('a silence that would match every alert is refused', () => {
    assert.throws(
      () => checkNotSilencingEverything(parseMatchers(['alertname=~".*"'])),
      /would silence every alert/,
    );
    assert.throws(
      () => checkNotSilencingEverything(parseMatchers(['severity!="info"'])),
      /would silence every alert/,
    );
    checkNotSilencingEverything(parseMatchers(['alertname=~"High.*"']));
  });

  test('read-only policy refuses creating a silence, and the audit log records it', async () => {
    const audit = new MemoryAuditSink();
    const gate = new PolicyGate({ policy: defaultPolicy({ readOnly: true }), audit });
    await assert.rejects(
      gate.execute(createSilenceOperation(am, request, 'test')),
      /^PolicyDenied: policy refused to silence silence production\/\{alertname="HighErrorRate", namespace="production"\} \(context http:\/\/127\.0\.0\.1:9\): the policy is read-only/,
    );
    const [entry] = audit.entries();
    assert.equal(entry.outcome, 'denied');
    assert.equal(entry.mutation.target.kind, 'Silence');
    assert.equal(entry.mutation.target.apiVersion, 'alertmanager/v2');
  });

  test('a denied namespace applies to silences that name it', async () => {
    const gate = new PolicyGate({ policy: defaultPolicy({ denyNamespaces: ['production'] }) });
    await assert.rejects(
      gate.execute(createSilenceOperation(am, request, 'test')),
      /namespace production is on the policy's deny list/,
    );
  });

  test('dry run passes the gate without calling Alertmanager; expiring declares how to recreate', async () => {
    const gate = new PolicyGate({ policy: defaultPolicy({ dryRun: true }) });
    const created = await gate.execute(createSilenceOperation(am, request, 'test'));
    assert.deepEqual(created, { result: {}, dryRun: true });
    const silence = {
      id: '5f0a1c1e-0000-4000-8000-000000000000',
      ...request,
      startsAt: request.startsAt.toISOString(),
      endsAt: request.endsAt.toISOString(),
      updatedAt: request.startsAt.toISOString(),
      status: { state: 'active' as const },
    };
    const op = expireSilenceOperation(am, silence, 'test', new Date('2024-05-01T13:00:00Z'));
    assert.equal(op.mutation.verb, 'expire-silence');
    assert.deepEqual(op.mutation.inverse?.params, {
      matchers: request.matchers,
      startsAt: '2024-05-01T13:00:00.000Z',
      endsAt: '2024-05-01T14:00:00.000Z',
      comment: 'INC-1',
      createdBy: 'test',
    });
    assert.equal((await gate.execute(op)).dryRun, true);
  });
});
