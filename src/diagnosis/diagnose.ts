import { assessImpact, type Impact } from './correlate/impact.ts';
import { correlate, type Focus } from './correlate/index.ts';
import { type Evidence, gapText } from './evidence/evidence.ts';
import { PATTERNS } from './patterns/index.ts';
import type { Detected, Finding, Pattern } from './types.ts';

export interface Diagnosis {
  findings: Finding[];
  impact: Impact;
  /** What could not be read (`secrets: forbidden`), so a clean result is not mistaken for a full one. */
  gaps: string[];
  /** Patterns that threw: recorded, never fatal. */
  errors?: { pattern: string; error: string }[];
  durationMs: number;
}

/** Runs every pattern over the evidence, links causes to symptoms and ranks the findings. Pure and offline. */
export function diagnose(
  ev: Evidence,
  options: { focus?: Focus; patterns?: readonly Pattern[] } = {},
): Diagnosis {
  const started = performance.now();
  const detected: Detected[] = [];
  const errors: { pattern: string; error: string }[] = [];
  for (const pattern of options.patterns ?? PATTERNS) {
    try {
      detected.push(...pattern.detect(ev));
    } catch (err) {
      errors.push({ pattern: pattern.id, error: (err as Error).message });
    }
  }
  const findings = correlate(ev, detected, options.focus);
  const diagnosis: Diagnosis = {
    findings,
    impact: assessImpact(ev, findings),
    gaps: ev.gaps.map(gapText),
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  };
  if (errors.length) diagnosis.errors = errors;
  return diagnosis;
}
