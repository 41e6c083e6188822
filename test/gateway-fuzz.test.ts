import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { alert, payload } from '../src/monitor/testkit.ts';
import { inProcessGateway, readJson } from './helpers/gateway.ts';

/**
 * Property: whatever arrives at the webhook — random bytes, random JSON, valid payloads with one
 * thing broken, valid payloads with hostile label text — the answer is 202, 400 or 413, never a
 * 5xx; a rejection writes nothing; an acceptance writes exactly the new alerts; and the Monitor
 * processes everything accepted without an error.
 */

const key = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'alertname', 'namespace', 'pod', 'node'),
);
const labelValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', '\u0000', '\ud800', 'x'.repeat(5000)),
);
const labels = fc.dictionary(key, labelValue, { maxKeys: 6 });
const time = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom('2025-03-01T10:00:00Z', '2025-03-01T10:05:00.5Z', '0001-01-01T00:00:00Z'),
  },
  fc
    .date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '2025-03-01T10:00:00.123456789Z',
    '2025-03-01T10:00:00+14:00',
    '2025-02-30T00:00:00Z',
    'now',
    '',
  ),
);
const validAlert = fc.record({
  status: fc.constantFrom('firing', 'resolved'),
  labels,
  annotations: labels,
  startsAt: time,
  endsAt: time,
  generatorURL: fc.string({ maxLength: 30 }),
  fingerprint: fc.oneof(
    fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 16 }),
    fc.constantFrom('same', 'a', ''),
  ),
});
const validPayload = fc
  .array(validAlert, { minLength: 1, maxLength: 8 })
  .map((alerts) => ({ ...payload([]), alerts }));

/** A valid payload with one path replaced by something else, or deleted. */
const broken = fc
  .tuple(
    validPayload,
    fc.nat(),
    fc.oneof(fc.jsonValue(), fc.constant(undefined)),
    fc.constantFrom('alerts', 'alert', 'labels', 'top'),
  )
  .map(([p, n, value, where]) => {
    const copy = JSON.parse(JSON.stringify(p));
    const a = copy.alerts[n % copy.alerts.length];
    const fields = Object.keys(a);
    if (where === 'top') copy[Object.keys(copy)[n % Object.keys(copy).length]] = value;
    else if (where === 'alerts') copy.alerts = value;
    else if (where === 'alert') a[fields[n % fields.length]] = value;
    else a.labels[`k${n % 3}`] = value;
    return copy;
  });

const body = fc.oneof(
  { arbitrary: validPayload.map((p) => JSON.stringify(p)), weight: 3 },
  { arbitrary: broken.map((p) => JSON.stringify(p) ?? ''), weight: 3 },
  { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 1 },
  { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
  { arbitrary: validPayload.map((p) => JSON.stringify(p).slice(0, -3)), weight: 1 },
);

describe('gateway webhook fuzzing', () => {
  let g: Awaited<ReturnType<typeof inProcessGateway>>;
  let db: Database.Database;
  const errors: string[] = [];
  before(async () => {
    g = await inProcessGateway({ log: (line) => line.startsWith('error') && errors.push(line) });
    db = new Database(g.database, { readonly: true });
  });
  after(async () => {
    db.close();
    await g.close();
  });
  const count = (table: string) =>
    (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('never answers 5xx, never half-writes, never fails processing', async (t) => {
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const before = {
          deliveries: count('deliveries'),
          events: count('alert_events'),
          incidents: count('incidents'),
        };
        const res = await g.post(text);
        const answer = await readJson(res);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        assert.ok(
          [202, 400, 413].includes(res.status),
          `HTTP ${res.status}: ${JSON.stringify(answer)} for ${text.slice(0, 200)}`,
        );
        const after = {
          deliveries: count('deliveries'),
          events: count('alert_events'),
          incidents: count('incidents'),
        };
        if (res.status === 202) {
          assert.equal(after.deliveries, before.deliveries + 1);
          assert.equal(
            after.events - before.events,
            answer.accepted - answer.duplicates,
            'exactly the new alerts',
          );
          assert.ok(after.incidents - before.incidents <= answer.incidents.length);
        } else {
          assert.equal(typeof answer.error, 'string');
          assert.deepEqual(after, before, 'a rejected request writes nothing');
        }
      }),
      { numRuns: 300 },
    );
    t.diagnostic(`answers: ${JSON.stringify(statuses)}`);
    await g.idle();
    assert.equal(count('alert_events WHERE seq > (SELECT last_seq FROM processing_cursor)'), 0);
    assert.deepEqual(errors, []);
    assert.equal((await fetch(`${g.url}/healthz`)).status, 200);
    // Every incident the fuzzing created reads back as a view.
    const { incidents } = await readJson(fetch(`${g.url}/api/v1/incidents?limit=1000`));
    for (const i of incidents) assert.equal((await fetch(`${g.url}/api/v1/incidents/${i.id}`)).status, 200);
  });

  it('keeps a plain valid alert working after the storm of garbage', async () => {
    const res = await g.post(payload([alert({ alertname: 'AfterFuzz', namespace: 'default' })]));
    assert.equal(res.status, 202);
  });
});
