import type { Finding } from '../diagnosis/types.ts';
import type { IncidentView } from '../incidents/types.ts';
import { absent, type Block, code, type Section, strong, type Text, toned } from './document.ts';
import { utc } from './duration.ts';
import { type IncidentSummary, refText, topFinding } from './summary.ts';

const listOr = (values: string[], none: string): Text =>
  values.length ? [values.join(', ')] : [toned(none, 'muted')];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function progress(s: IncidentSummary): Text {
  if (s.resolvedAt) return [`resolved at ${utc(s.resolvedAt)} UTC, after ${s.duration.text}`];
  if (s.endedAt)
    return [`ended ${s.status.replace('_', ' ')} at ${utc(s.endedAt)} UTC, after ${s.duration.text}`];
  return [`open for ${s.duration.text} so far`];
}

function actionsLine(s: IncidentSummary): Text {
  const c = s.counts;
  if (!c.actions) return [toned('No actions taken.', 'muted')];
  const other = c.actions - c.actionsSucceeded - c.actionsFailed;
  return [
    `${plural(c.actions, 'action')}: ${c.actionsSucceeded} succeeded, ${c.actionsFailed} failed` +
      (other ? `, ${other} denied, dry-run or rolled back` : ''),
  ];
}

function verificationLine(s: IncidentSummary): Text {
  const c = s.counts;
  if (s.verification === 'none') return [toned('Not verified yet.', 'muted')];
  return [
    toned(s.verification === 'passed' ? 'passed' : 'failed', s.verification === 'passed' ? 'good' : 'bad'),
    ` (${c.verificationsPassed} of ${plural(c.verifications, 'check')} passed; the last one counts)`,
  ];
}

/** `inc-7 (KubeNodeNotReady: node worker-2, open): the likely cause`. */
const relatedText = (view: IncidentView): Text => [
  view.related
    .map(
      (r) =>
        `${r.id} (${r.title}, ${r.status.replace('_', ' ')}): the likely ${r.role === 'cause' ? 'cause' : 'consequence'}`,
    )
    .join('; '),
];

export function summarySection(view: IncidentView, s: IncidentSummary): Section {
  const top = topFinding(view);
  const rows: [string, Text][] = [
    ['Status', [`${s.status.replace('_', ' ')}, ${s.priority}`]],
    ['Opened', [`${utc(s.createdAt)} UTC`]],
    ['Progress', progress(s)],
    ['Alerts', [`${s.counts.alerts} (${s.counts.firing} firing, ${s.counts.resolved} resolved)`]],
    [
      'Root cause',
      top
        ? [code(top.pattern), ` on ${refText(top.resource)}: ${top.rootCause}`]
        : [toned('No diagnosis yet.', 'muted')],
    ],
    ...(view.related.length ? [['Related', relatedText(view)] as [string, Text]] : []),
    ['Runbook', view.runbook ? [code(view.runbook)] : [toned('No runbook matched yet.', 'muted')]],
    ['Actions', actionsLine(s)],
    ['Verification', verificationLine(s)],
  ];
  return { id: 'summary', title: 'Summary', blocks: [{ kind: 'facts', rows }] };
}

function userImpactText(s: IncidentSummary): Text {
  const u = s.impact.userImpact;
  if (!u) return [toned('unknown: no alert start times recorded', 'muted')];
  if (!u.to) return [`ongoing since ${utc(u.from)} UTC (${u.text} so far)`];
  return [`${u.text}, from ${utc(u.from)} to ${utc(u.to)} UTC`];
}

export function impactSection(s: IncidentSummary): Section {
  const i = s.impact;
  const rows: [string, Text][] = [
    ['Priority', [i.priority]],
    ['Severity', i.severity ? [i.severity] : [toned('not stated by any alert or finding', 'muted')]],
    ['Namespaces', listOr(i.namespaces, 'none recorded')],
    ['Workloads', listOr(i.workloads, 'none recorded')],
    ['Services', listOr(i.services, 'none recorded')],
  ];
  if (i.nodes.length) rows.push(['Nodes', [i.nodes.join(', ')]]);
  rows.push(['Users affected', userImpactText(s)]);
  return { id: 'impact', title: 'Impact', blocks: [{ kind: 'facts', rows }] };
}

function related(f: Finding): Text {
  const cause = f.causedBy ? ` (caused by ${f.causedBy.pattern} on ${refText(f.causedBy.resource)})` : '';
  return [code(f.pattern), ` ${f.severity} on ${refText(f.resource)}: ${f.summary}${cause}`];
}

export function rootCauseSection(view: IncidentView): Section {
  const top = topFinding(view);
  const section: Section = { id: 'root-cause', title: 'Root cause', blocks: [] };
  if (!top) {
    section.blocks.push(absent('No diagnosis yet.'));
    return section;
  }
  const rows: [string, Text][] = [
    ['Finding', [code(top.pattern), ` (${top.severity}, confidence ${top.confidence})`]],
    ['Object', [refText(top.resource)]],
  ];
  if (top.workload && refText(top.workload) !== refText(top.resource))
    rows.push(['Workload', [refText(top.workload)]]);
  rows.push(['Summary', [top.summary]], ['Runbook', top.runbook ? [code(top.runbook)] : ['none']]);
  const blocks: Block[] = [
    { kind: 'paragraph', text: [strong('Root cause: '), top.rootCause] },
    { kind: 'facts', rows },
    { kind: 'subheading', text: 'Evidence' },
    top.evidence.length
      ? { kind: 'list', ordered: false, items: top.evidence.map((e) => [e]) }
      : absent('No evidence recorded.'),
    { kind: 'subheading', text: '5 Whys' },
    top.whys.length
      ? { kind: 'list', ordered: true, items: top.whys.map((w) => [w]) }
      : absent('No whys recorded.'),
  ];
  const others = view.findings.filter((f) => f !== top);
  if (others.length)
    blocks.push(
      { kind: 'subheading', text: 'Other findings' },
      { kind: 'list', ordered: false, items: others.map(related) },
    );
  section.blocks = blocks;
  return section;
}
