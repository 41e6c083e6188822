import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canTransition, IllegalTransition, TRANSITIONS, transition } from './lifecycle.ts';
import { INCIDENT_STATUSES, type Incident } from './types.ts';

const incident = (status: Incident['status']): Incident => ({
  id: 'INC-1',
  title: 't',
  status,
  priority: 'P2',
  groupKey: 'g',
  labels: {},
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  acknowledgedAt: null,
  resolvedAt: null,
  alertCount: 1,
  firingCount: 1,
});

describe('incident lifecycle', () => {
  it('covers every contract status and only names contract statuses', () => {
    assert.deepEqual(Object.keys(TRANSITIONS).sort(), [...INCIDENT_STATUSES].sort());
    for (const targets of Object.values(TRANSITIONS))
      for (const t of targets) assert.ok(INCIDENT_STATUSES.includes(t), t);
  });

  it('reaches every status from open, and closed from every status but those mid-fix', () => {
    const reached = new Set(['open']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const from of [...reached])
        for (const to of TRANSITIONS[from as Incident['status']])
          if (!reached.has(to)) {
            reached.add(to);
            changed = true;
          }
    }
    assert.deepEqual([...reached].sort(), [...INCIDENT_STATUSES].sort());
    // A fix in progress must finish (verified, failed or rolled back) before anyone closes the incident.
    assert.equal(canTransition('remediating', 'closed'), false);
    assert.equal(canTransition('verifying', 'closed'), false);
  });

  it('closed is final', () => {
    for (const to of INCIDENT_STATUSES) assert.equal(canTransition('closed', to), false);
  });

  it('refuses an illegal move with a message naming the allowed ones', () => {
    assert.throws(
      () => transition(incident('resolved'), 'remediating', '2025-01-01T00:01:00.000Z'),
      (err: unknown) =>
        err instanceof IllegalTransition &&
        err.message ===
          'incident INC-1 cannot go from resolved to remediating; from resolved it can go to open, closed',
    );
    assert.throws(() => transition(incident('closed'), 'open', 'x'), /closed is final/);
  });

  it('stamps MTTA on the first move into work and MTTR on resolving; reopening clears MTTR', () => {
    const analyzing = transition(incident('open'), 'analyzing', '2025-01-01T00:01:00.000Z');
    assert.equal(analyzing.acknowledgedAt, '2025-01-01T00:01:00.000Z');
    const resolved = transition(analyzing, 'resolved', '2025-01-01T00:05:00.000Z');
    assert.equal(resolved.resolvedAt, '2025-01-01T00:05:00.000Z');
    assert.equal(resolved.acknowledgedAt, '2025-01-01T00:01:00.000Z');
    const reopened = transition(resolved, 'open', '2025-01-01T00:06:00.000Z');
    assert.equal(reopened.resolvedAt, null);
    assert.equal(transition(resolved, 'closed', 'x').resolvedAt, '2025-01-01T00:05:00.000Z');
    // Alerts that clear by themselves resolve an incident nobody acknowledged.
    assert.equal(transition(incident('open'), 'resolved', 'x').acknowledgedAt, null);
  });
});
