import type { ContainerSpec } from '../core/runtime.ts';
import type { KubeObject } from '../core/types.ts';
import type { SimRuntime } from './index.ts';
import { hash01 } from './noise.ts';
import { problemsOf } from './problems.ts';
import { containerStartedAt, mainContainer, profileOf } from './world.ts';

const LOG_BACKFILL_MS = 10 * 60_000;
const MAX_LINES_PER_CALL = 200;
const PROBLEM_PERIOD_MS = 2_000;

/**
 * What a container writes in (from, to]: routine lines on the profile's cadence (access logs only
 * while it serves traffic) and, every couple of seconds, lines about each problem it has, as often
 * as the problem bites. Lines fall on a fixed per-container time grid, so polling at any cadence
 * yields the same timestamps; a long gap is not backfilled beyond ten minutes.
 */
export function writtenLines(
  runtime: SimRuntime,
  pod: KubeObject,
  container: ContainerSpec,
  from: number,
  to: number,
): string[] {
  const profile = profileOf(pod, container);
  const app = runtime.appContext(pod, container);
  const start = Math.max(from, to - LOG_BACKFILL_MS);
  const lines: { at: number; text: string }[] = [];
  const ticks = (periodMs: number, phaseSeed: string, each: (at: number, seq: number) => void) => {
    const phase = hash01(phaseSeed) * periodMs;
    for (let k = Math.floor((start - phase) / periodMs) + 1; k * periodMs + phase <= to; k++) {
      each(k * periodMs + phase, k);
    }
  };
  const main = mainContainer(pod)?.name === container?.name;
  const serving = profile.protocol !== 'http' || (main && runtime.traffic.podLoad(pod).servedRps > 0);
  if (profile.logPeriodSeconds > 0 && serving) {
    ticks(profile.logPeriodSeconds * 1000, `${app.seed}/routine`, (at, seq) => {
      for (const text of profile.routineLines(app, at, seq)) lines.push({ at, text });
    });
  }
  if (main) {
    const d = runtime.demand(pod, container, containerStartedAt(pod, container?.name) ?? from, to);
    for (const { problem, intensity } of problemsOf(
      runtime,
      pod,
      app,
      profile,
      d.memoryBytes,
      d.memoryLimitBytes,
    )) {
      ticks(PROBLEM_PERIOD_MS, `${app.seed}/${problem.kind}`, (at, seq) => {
        if (hash01(`${app.seed}/${problem.kind}/${seq}`) >= intensity) return;
        const text = profile.problemLine(app, at, seq, problem);
        if (text !== undefined) lines.push({ at, text });
      });
    }
  }
  lines.sort((a, b) => a.at - b.at);
  return lines.slice(-MAX_LINES_PER_CALL).map((l) => l.text);
}
