import type { Evidence } from './evidence/evidence.ts';

export type Severity = 'critical' | 'warning' | 'info';

/** A Kubernetes object as findings name it; `namespace` is absent for cluster-scoped kinds. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** One finding in the CONTRACTS §4 shape, plus the fields correlation adds. */
export interface Finding {
  pattern: string;
  severity: Severity;
  resource: ObjectRef;
  /** The top of the owner chain (Pod → ReplicaSet → Deployment); null when the object has no workload. */
  workload: ObjectRef | null;
  summary: string;
  rootCause: string;
  evidence: string[];
  whys: string[];
  runbook: string | null;
  confidence: number;
  /** Set on symptoms: the finding that explains this one. */
  causedBy?: { pattern: string; resource: ObjectRef };
}

/**
 * What a finding is about and what it depends on, as object keys (`Kind/namespace/name`). Correlation
 * links a cause to a symptom when the cause's subjects meet the symptom's needs. Not printed.
 */
export interface FindingLinks {
  subjects: string[];
  needs: string[];
}

/** A finding as patterns produce it: the printed part and its links. */
export interface Detected extends Finding {
  links: FindingLinks;
}

/** One failure pattern: a pure function from the evidence to what it finds. */
export interface Pattern {
  id: string;
  detect(evidence: Evidence): Detected[];
}
