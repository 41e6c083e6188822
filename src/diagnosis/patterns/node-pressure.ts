import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { Condition, K8sObject } from '../evidence/shapes.ts';
import { eventLine, finding, latestEvent } from '../finding.ts';
import { isActive } from '../signals/pods.ts';
import type { Detected, Pattern } from '../types.ts';

const PRESSURES: Record<string, { resource: string; runbook: string }> = {
  MemoryPressure: { resource: 'memory', runbook: 'cordon_and_drain_node' },
  DiskPressure: { resource: 'disk (ephemeral storage)', runbook: 'cordon_and_drain_node' },
  PIDPressure: { resource: 'process ids', runbook: 'cordon_and_drain_node' },
  NetworkUnavailable: { resource: 'pod network', runbook: 'cordon_and_drain_node' },
};

function detectNode(ev: Evidence, node: K8sObject): Detected[] {
  const out: Detected[] = [];
  const name = node.metadata.name;
  for (const c of (node.status?.conditions ?? []) as Condition[]) {
    const kind = PRESSURES[c.type];
    if (!kind || c.status !== 'True') continue;
    const evicted = ev.podsOn(name).filter((p) => p.status?.reason === 'Evicted');
    const event = latestEvent(ev, refOf(node), [
      'EvictionThresholdMet',
      'FreeDiskSpaceFailed',
      'ImageGCFailed',
      'SystemOOM',
      c.type === 'NetworkUnavailable' ? 'NetworkNotReady' : c.type,
    ]);
    const taints = ((node.spec?.taints ?? []) as { key: string; effect: string }[])
      .filter((t) => t.key.includes('pressure'))
      .map((t) => `${t.key}:${t.effect}`);
    out.push(
      finding(ev, {
        pattern: 'node_pressure',
        severity: evicted.length || c.type === 'NetworkUnavailable' ? 'critical' : 'warning',
        resource: node,
        workload: null,
        summary: `Node ${name} is under ${c.type}${evicted.length ? `; ${evicted.length} pod(s) evicted` : ''}`,
        rootCause: `Node ${name} is short of ${kind.resource}: ${c.type}=True (${c.reason ?? ''}${c.message ? `: ${c.message}` : ''}); the kubelet ${
          c.type === 'NetworkUnavailable'
            ? 'cannot give pods a network'
            : 'evicts pods and refuses new ones until usage drops'
        }.`,
        evidence: [
          `node ${name}: ${c.type}=True reason=${c.reason ?? ''} message="${c.message ?? ''}"`,
          taints.length > 0 && `taints: ${taints.join(', ')}`,
          event && eventLine(ev, event),
          evicted.length > 0 &&
            `evicted pods: ${evicted
              .slice(0, 5)
              .map((p) => p.metadata.name)
              .join(', ')}`,
        ],
        whys: [
          ...(evicted.length
            ? [
                `Why were pods such as ${evicted[0].metadata.name} evicted? Node ${name} ran short of ${kind.resource}.`,
              ]
            : []),
          `Why is node ${name} in trouble? It reports ${c.type}.`,
          `Why? ${c.message ?? `Usage of ${kind.resource} crossed the kubelet's eviction threshold`}.`,
        ],
        runbook: kind.runbook,
        confidence: 0.9,
        subjects: ev
          .podsOn(name)
          .filter((p) => isActive(p) || p.status?.reason === 'Evicted')
          .map(refOf),
      }),
    );
  }
  return out;
}

export const nodePressure: Pattern = {
  id: 'node_pressure',
  detect: (ev) => ev.list('Node').flatMap((n) => detectNode(ev, n)),
};
