import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MaintenanceRepository, Purged } from './repository.ts';
import { startRetention } from './retention.ts';

describe('retention', () => {
  it('purges what is older than the retention, at start and on every interval, and reports only real purges', async () => {
    const cutoffs: string[] = [];
    let next: Purged = { incidents: 2, deliveries: 5, auditEntries: 0 };
    const store = {
      async purgeBefore(cutoff: string) {
        cutoffs.push(cutoff);
        const purged = next;
        next = { incidents: 0, deliveries: 0, auditEntries: 0 };
        return purged;
      },
    } as MaintenanceRepository;
    const reported: Purged[] = [];
    const now = Date.parse('2025-03-31T00:00:00.000Z');
    const retention = startRetention(store, {
      days: 30,
      intervalMs: 10,
      now: () => now,
      onPurged: (p) => reported.push(p),
    });
    while (cutoffs.length < 3) await new Promise((r) => setTimeout(r, 5));
    retention.stop();
    assert.equal(cutoffs[0], '2025-03-01T00:00:00.000Z');
    assert.deepEqual(reported, [{ incidents: 2, deliveries: 5, auditEntries: 0 }]);
  });
});
