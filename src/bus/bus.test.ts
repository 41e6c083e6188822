import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Bus } from './bus.ts';
import type { BusMessage } from './messages.ts';

const received = (n: number): BusMessage => ({
  type: 'AlertsReceived',
  deliveryId: `d${n}`,
  accepted: n,
  duplicates: 0,
  incidents: [],
});

describe('bus', () => {
  it('delivers to each subscriber of the type after the publisher returns', async () => {
    const bus = new Bus(() => assert.fail('no error expected'));
    const seen: string[] = [];
    bus.subscribe('AlertsReceived', (m) => void seen.push(`a:${m.deliveryId}`));
    bus.subscribe('AlertsReceived', (m) => void seen.push(`b:${m.deliveryId}`));
    bus.subscribe('DiagnosisRequested', () => void seen.push('wrong type'));
    bus.publish(received(1));
    assert.deepEqual(seen, [], 'handlers never run inside publish');
    await bus.drain();
    assert.deepEqual(seen, ['a:d1', 'b:d1']);
  });

  it('isolates a failing handler and reports it with the message', async () => {
    const errors: string[] = [];
    const bus = new Bus((err, m) => errors.push(`${m.type}: ${err.message}`));
    let other = 0;
    bus.subscribe('AlertsReceived', () => {
      throw new Error('boom');
    });
    bus.subscribe('AlertsReceived', async () => {
      other++;
    });
    bus.publish(received(1));
    await bus.drain();
    assert.deepEqual(errors, ['AlertsReceived: boom']);
    assert.equal(other, 1);
  });

  it('drain waits for messages published by handlers, and unsubscribe stops delivery', async () => {
    const bus = new Bus((err) => assert.fail(err));
    const seen: string[] = [];
    bus.subscribe('AlertsReceived', async (m) => {
      await new Promise((r) => setTimeout(r, 5));
      bus.publish({ type: 'DiagnosisRequested', incidentId: m.deliveryId, reason: 'test' });
    });
    const stop = bus.subscribe('DiagnosisRequested', (m) => void seen.push(m.incidentId));
    bus.publish(received(7));
    await bus.drain();
    assert.deepEqual(seen, ['d7']);
    stop();
    bus.publish({ type: 'DiagnosisRequested', incidentId: 'x', reason: 'test' });
    await bus.drain();
    assert.deepEqual(seen, ['d7']);
  });
});
