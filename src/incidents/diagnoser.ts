import type { Finding } from '../diagnosis/types.ts';
import type { WebhookAlert } from './types.ts';

export interface DiagnosisResult {
  /** Root cause first. */
  findings: Finding[];
  /** The root cause's runbook, if it names one. */
  runbook: string | null;
  /** What could not be read, so an empty result is not mistaken for a clean cluster. */
  gaps: string[];
}

/** Diagnoses what an incident's alerts point at. */
export type Diagnoser = (alerts: readonly WebhookAlert[]) => Promise<DiagnosisResult>;

/**
 * Diagnosis of a live cluster (src/diagnosis), focused by the alerts: read-only, no LLM. The
 * diagnosis modules load on the first incident, not at start-up.
 */
export function clusterDiagnoser(options: {
  kubeconfig?: string;
  context?: string;
  prometheusUrl?: string;
}): Diagnoser {
  return async (alerts) => {
    const { diagnoseCluster, parseAlert } = await import('../diagnosis/index.ts');
    const result = await diagnoseCluster({
      namespaces: 'all',
      alert: parseAlert({ alerts }),
      kubeconfig: options.kubeconfig,
      context: options.context,
      prometheusUrl: options.prometheusUrl,
    });
    return { findings: result.findings, runbook: result.findings[0]?.runbook ?? null, gaps: result.gaps };
  };
}
