import type { AlertFocus } from './alert.ts';
import { type Diagnosis, diagnose } from './diagnose.ts';
import type { Evidence } from './evidence/evidence.ts';
import { evidenceFromObjects, type ObjectsSource } from './evidence/from-objects.ts';
import { createReader } from './evidence/live/client.ts';
import { collectCluster } from './evidence/live/collect.ts';
import { loadClusterAccess } from './evidence/live/kubeconfig.ts';
import { queryPrometheus } from './evidence/prometheus.ts';
import type { K8sObject } from './evidence/shapes.ts';

export { parseAlert } from './alert.ts';
export type { Diagnosis } from './diagnose.ts';
export { UnreachableError } from './evidence/live/client.ts';
export { KubeconfigError } from './evidence/live/kubeconfig.ts';
export { renderText } from './render.ts';
export type { Finding, ObjectRef, Severity } from './types.ts';

export interface DiagnoseOptions {
  /** Namespaces to read, or 'all'. An alert narrows 'all' to the namespaces it names. */
  namespaces: string[] | 'all';
  alert?: AlertFocus;
  prometheusUrl?: string;
}

export interface Result extends Diagnosis {
  evidence: Evidence;
}

/**
 * What to read: the explicit choice; else the namespaces the alert names; else, for an alert about
 * nodes only, those nodes and their pods; else everything.
 */
function scopeOf(options: DiagnoseOptions): { namespaces: string[] | 'all'; nodes: string[] } {
  if (options.namespaces !== 'all' || !options.alert) return { namespaces: options.namespaces, nodes: [] };
  if (options.alert.namespaces.length) return { namespaces: options.alert.namespaces, nodes: [] };
  if (options.alert.nodes.length) return { namespaces: [], nodes: options.alert.nodes };
  return { namespaces: 'all', nodes: [] };
}

async function finish(source: ObjectsSource, options: DiagnoseOptions): Promise<Result> {
  if (options.prometheusUrl) {
    const { samples, gaps } = await queryPrometheus(
      options.prometheusUrl,
      source.namespaces?.length ? source.namespaces : 'all',
    );
    source.metrics = [...(source.metrics ?? []), ...samples];
    source.gaps = [...(source.gaps ?? []), ...gaps];
  }
  const evidence = evidenceFromObjects(source);
  return { ...diagnose(evidence, { focus: options.alert }), evidence };
}

/** Diagnoses a live cluster, read-only: lists, logs, metrics. Throws UnreachableError or KubeconfigError. */
export async function diagnoseCluster(
  options: DiagnoseOptions & { kubeconfig?: string; context?: string },
): Promise<Result> {
  const started = performance.now();
  const access = loadClusterAccess({ kubeconfig: options.kubeconfig, context: options.context });
  const reader = await createReader(access);
  try {
    const scope = scopeOf(options);
    const source = await collectCluster(reader, scope.namespaces, scope.nodes);
    const result = await finish(source, options);
    return { ...result, durationMs: Math.round((performance.now() - started) * 10) / 10 };
  } finally {
    reader.close();
  }
}

/** Diagnoses objects already in hand (a snapshot file's), offline. */
export async function diagnoseObjects(objects: K8sObject[], options: DiagnoseOptions): Promise<Result> {
  const started = performance.now();
  const result = await finish({ objects, namespaces: scopeOf(options).namespaces }, options);
  return { ...result, durationMs: Math.round((performance.now() - started) * 10) / 10 };
}
