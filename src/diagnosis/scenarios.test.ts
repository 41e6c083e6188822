import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { loadSnapshotFiles } from '../sandbox/snapshot/index.ts';
import { diagnose } from './diagnose.ts';
import type { Sample } from './evidence/evidence.ts';
import { evidenceFromObjects } from './evidence/from-objects.ts';
import { PATTERNS } from './patterns/index.ts';
import type { Finding, ObjectRef } from './types.ts';

/** One expected finding: every field given must hold; `object` matches the resource or the workload. */
interface Expectation {
  pattern: string;
  object?: Partial<ObjectRef>;
  rootCause?: string[];
  runbook?: string;
  severity?: string;
  causedBy?: string;
}

interface Expected {
  description: string;
  healthy?: boolean;
  first?: Expectation;
  findings?: Expectation[];
  absent?: string[];
}

const ROOT = new URL('../../scenarios/', import.meta.url).pathname;

const sameRef = (ref: ObjectRef | null, want: Partial<ObjectRef>) =>
  !!ref && Object.entries(want).every(([k, v]) => ref[k as keyof ObjectRef] === v);

function mismatch(f: Finding, e: Expectation): string | undefined {
  if (f.pattern !== e.pattern) return `pattern ${f.pattern}`;
  if (e.object && !sameRef(f.resource, e.object) && !sameRef(f.workload, e.object))
    return `object ${JSON.stringify(f.resource)} / ${JSON.stringify(f.workload)}`;
  const missing = (e.rootCause ?? []).filter((s) => !f.rootCause.includes(s));
  if (missing.length) return `rootCause lacks ${JSON.stringify(missing)}: ${f.rootCause}`;
  if (e.runbook && f.runbook !== e.runbook) return `runbook ${f.runbook}`;
  if (e.severity && f.severity !== e.severity) return `severity ${f.severity}`;
  if (e.causedBy && f.causedBy?.pattern !== e.causedBy) return `causedBy ${f.causedBy?.pattern ?? 'none'}`;
  return undefined;
}

const summary = (findings: Finding[]) =>
  findings
    .map(
      (f) =>
        `${f.pattern} ${f.resource.kind}/${f.resource.name}${f.causedBy ? ` ← ${f.causedBy.pattern}` : ''}`,
    )
    .join('; ');

function run(dir: string) {
  const objects = loadSnapshotFiles([join(dir, 'cluster.yaml')]);
  const metricsFile = join(dir, 'metrics.yaml');
  const metrics = existsSync(metricsFile)
    ? (parse(readFileSync(metricsFile, 'utf8')) as Sample[])
    : undefined;
  return diagnose(evidenceFromObjects({ objects, metrics }));
}

const scenarios = readdirSync(ROOT)
  .filter((n) => existsSync(join(ROOT, n, 'expected.yaml')))
  .sort();

describe('scenario library', () => {
  test('has at least 40 scenarios and covers every pattern', () => {
    assert.ok(scenarios.length >= 40, `${scenarios.length} scenarios`);
    const covered = new Set<string>();
    for (const name of scenarios) {
      const e = parse(readFileSync(join(ROOT, name, 'expected.yaml'), 'utf8')) as Expected;
      for (const x of [e.first, ...(e.findings ?? [])]) if (x) covered.add(x.pattern);
    }
    const uncovered = PATTERNS.map((p) => p.id).filter((id) => !covered.has(id));
    assert.deepEqual(uncovered, [], 'patterns without a scenario');
  });

  for (const name of scenarios) {
    test(name, () => {
      const dir = join(ROOT, name);
      const expected = parse(readFileSync(join(dir, 'expected.yaml'), 'utf8')) as Expected;
      const { findings } = run(dir);
      if (expected.healthy)
        assert.deepEqual(
          findings.map((f) => `${f.pattern} ${f.resource.name}: ${f.rootCause}`),
          [],
          'a healthy scope gives no finding',
        );
      if (expected.first) {
        assert.ok(findings.length, 'no findings');
        const why = mismatch(findings[0], expected.first);
        assert.equal(why, undefined, `first finding: ${why}\nall: ${summary(findings)}`);
      }
      for (const e of expected.findings ?? []) {
        const hit = findings.find((f) => mismatch(f, e) === undefined);
        const near = findings.filter((f) => f.pattern === e.pattern).map((f) => mismatch(f, e));
        assert.ok(
          hit,
          `expected ${JSON.stringify(e)}; near misses: ${JSON.stringify(near)}\nall: ${summary(findings)}`,
        );
      }
      for (const p of expected.absent ?? [])
        assert.ok(!findings.some((f) => f.pattern === p), `unexpected ${p}: ${summary(findings)}`);
    });
  }
});
