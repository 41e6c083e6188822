import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mutedAlerts } from './alertmanager-sync.ts';

describe('Alertmanager muting', () => {
  it("reads muted alerts out of Alertmanager's /api/v2/alerts", () => {
    const muted = mutedAlerts([
      { fingerprint: 'a', status: { state: 'suppressed', silencedBy: ['s1', 's2'], inhibitedBy: [] } },
      { fingerprint: 'b', status: { state: 'suppressed', silencedBy: [], inhibitedBy: ['f9'] } },
      { fingerprint: 'c', status: { state: 'active', silencedBy: [], inhibitedBy: [] } },
      { fingerprint: 'd', status: { state: 'suppressed' } },
      { status: { state: 'suppressed' } },
      null,
    ]);
    assert.deepEqual(Object.fromEntries(muted), {
      a: ['silence s1', 'silence s2'],
      b: ['inhibited by f9'],
      d: ['suppressed'],
    });
    assert.throws(() => mutedAlerts({ data: [] }), /expected a list of alerts/);
  });
});
