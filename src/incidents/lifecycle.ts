import type { Incident, IncidentStatus } from './types.ts';

/**
 * The incident lifecycle as an explicit state machine. An incident opens when its first alert
 * arrives; the incident agent analyses it; a fix waits for approval, runs, is verified; it ends
 * resolved (alerts cleared or fix verified), failed, rolled back, and finally closed. A resolved
 * incident reopens when its alerts fire again within the grouping window; closed is final.
 */
export const TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  open: ['analyzing', 'awaiting_approval', 'remediating', 'resolved', 'closed'],
  analyzing: ['open', 'awaiting_approval', 'remediating', 'resolved', 'failed', 'closed'],
  awaiting_approval: ['open', 'remediating', 'resolved', 'closed'],
  remediating: ['verifying', 'failed', 'rolled_back', 'resolved'],
  verifying: ['resolved', 'failed', 'rolled_back', 'remediating'],
  failed: ['open', 'analyzing', 'awaiting_approval', 'remediating', 'resolved', 'closed'],
  rolled_back: ['open', 'analyzing', 'awaiting_approval', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

/** Statuses in which the bot is acting on the incident: alerts resolving on their own do not end it. */
export const WORKING: readonly IncidentStatus[] = ['remediating', 'verifying'];

/** Nothing fires and nobody acts: resolved or closed. */
export const isSettled = (s: IncidentStatus) => s === 'resolved' || s === 'closed';

export const canTransition = (from: IncidentStatus, to: IncidentStatus) => TRANSITIONS[from].includes(to);

export class IllegalTransition extends Error {
  override readonly name = 'IllegalTransition';
  constructor(
    readonly incidentId: string,
    readonly from: IncidentStatus,
    readonly to: IncidentStatus,
  ) {
    const allowed = TRANSITIONS[from];
    super(
      `incident ${incidentId} cannot go from ${from} to ${to}; ${
        allowed.length ? `from ${from} it can go to ${allowed.join(', ')}` : `${from} is final`
      }`,
    );
  }
}

/**
 * The incident after moving to `to` at `at`; throws IllegalTransition when the move is not allowed.
 * Resolving stamps `resolvedAt` (MTTR), reopening clears it; the first move into work stamps
 * `acknowledgedAt` (MTTA).
 */
export function transition(incident: Incident, to: IncidentStatus, at: string): Incident {
  if (!canTransition(incident.status, to)) throw new IllegalTransition(incident.id, incident.status, to);
  const working = to !== 'open' && to !== 'resolved' && to !== 'closed';
  return {
    ...incident,
    status: to,
    updatedAt: at,
    resolvedAt: to === 'resolved' ? at : to === 'closed' ? incident.resolvedAt : null,
    acknowledgedAt: incident.acknowledgedAt ?? (working ? at : null),
  };
}
