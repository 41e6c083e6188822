import type { Diagnosis } from './diagnose.ts';
import type { Finding, ObjectRef } from './types.ts';

export interface RenderOptions {
  color: boolean;
  /** What was diagnosed, for the healthy line: `all namespaces`, `namespace shop`, `2 snapshot files`. */
  scope: string;
  /** Pods and nodes looked at, for the healthy line. */
  counts?: { pods: number; nodes: number };
}

const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

const ref = (r: ObjectRef | null | undefined) =>
  r ? `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}` : '';

/** The readable report: root causes first with their evidence and whys, then the symptoms they explain. */
export function renderText(d: Diagnosis, options: RenderOptions): string {
  const paint = (code: keyof typeof CODES, text: string) =>
    options.color ? `\x1b[${CODES[code]}m${text}\x1b[0m` : text;
  const sev = (f: Finding) =>
    paint(
      f.severity === 'critical' ? 'red' : f.severity === 'warning' ? 'yellow' : 'cyan',
      f.severity.toUpperCase().padEnd(8),
    );
  const out: string[] = [];
  if (!d.findings.length) {
    const counted = options.counts
      ? ` (${options.counts.pods} pods on ${options.counts.nodes} nodes checked)`
      : '';
    out.push(`No problems found in ${options.scope}${counted}.`);
  }
  const roots = d.findings.filter((f) => !f.causedBy);
  const symptoms = d.findings.filter((f) => f.causedBy);
  roots.forEach((f, i) => {
    if (i) out.push('');
    const workload =
      f.workload && ref(f.workload) !== ref(f.resource) ? paint('dim', ` (${ref(f.workload)})`) : '';
    out.push(`${sev(f)} ${paint('bold', f.pattern)}  ${ref(f.resource)}${workload}`);
    out.push(`  ${f.summary}`);
    out.push(`  ${paint('bold', 'Root cause:')} ${f.rootCause}`);
    if (f.evidence.length) {
      out.push(`  ${paint('bold', 'Evidence:')}`);
      for (const e of f.evidence) out.push(paint('dim', `    - ${e}`));
    }
    if (f.whys.length) {
      out.push(`  ${paint('bold', 'Why:')}`);
      for (const [n, w] of f.whys.entries()) out.push(`    ${n + 1}. ${w}`);
    }
    out.push(
      `  ${paint('bold', 'Runbook:')} ${f.runbook ?? 'none'}   ${paint('dim', `confidence ${f.confidence}`)}`,
    );
    const explained = symptoms.filter(
      (s) => s.causedBy && s.causedBy.pattern === f.pattern && ref(s.causedBy.resource) === ref(f.resource),
    );
    for (const s of explained)
      out.push(paint('dim', `  ↳ explains ${s.pattern} ${ref(s.resource)}: ${s.summary}`));
  });
  const indirect = symptoms.filter(
    (s) =>
      !roots.some((r) => s.causedBy?.pattern === r.pattern && ref(s.causedBy.resource) === ref(r.resource)),
  );
  if (indirect.length) {
    out.push('', paint('bold', 'Further symptoms:'));
    for (const s of indirect)
      out.push(
        `  ${sev(s)} ${s.pattern}  ${ref(s.resource)}: ${s.summary} ${paint('dim', `(caused by ${s.causedBy?.pattern} ${ref(s.causedBy?.resource)})`)}`,
      );
  }
  if (d.findings.length) {
    const i = d.impact;
    const parts = [
      `${i.workloads.length} workload(s)`,
      `${i.services.length} service(s)`,
      `${i.unreadyPods} unready pod(s)`,
      i.namespaces.length ? `namespaces ${i.namespaces.join(', ')}` : '',
      i.nodes.length ? `nodes ${i.nodes.join(', ')}` : '',
      i.failingRequestRate !== undefined
        ? `${i.failingRequestRate.toFixed(1)} of ${i.requestRate?.toFixed(1)} req/s failing`
        : '',
    ].filter(Boolean);
    out.push('', `${paint('bold', 'Impact:')} ${parts.join(', ')}`);
  }
  if (d.gaps.length) out.push(paint('yellow', `Not read: ${d.gaps.join('; ')}`));
  out.push(paint('dim', `Diagnosed in ${d.durationMs} ms.`));
  return `${out.join('\n')}\n`;
}
