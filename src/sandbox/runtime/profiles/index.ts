import { coredns } from './coredns.ts';
import { httpApp } from './http-app.ts';
import { nginx } from './nginx.ts';
import { postgres } from './postgres.ts';
import { quiet } from './quiet.ts';
import { redis } from './redis.ts';
import type { AppProfile } from './types.ts';

export type { AppContext, AppProfile, Crash, Peer, Problem, Protocol, StartFailure } from './types.ts';

/** Application profiles, most specific first; the generic HTTP service matches anything. */
export const PROFILES: readonly AppProfile[] = registry([postgres, redis, coredns, nginx, quiet, httpApp]);

function registry(profiles: AppProfile[]): AppProfile[] {
  const seen = new Set<string>();
  for (const p of profiles) {
    if (seen.has(p.name)) throw new Error(`duplicate application profile ${p.name}`);
    seen.add(p.name);
  }
  return profiles;
}

/** The profile named by the `sandbox.sre-nanobot.dev/profile` annotation, else the first whose image matches. */
export function profileFor(image: string, requested?: string): AppProfile {
  if (requested) {
    const named = PROFILES.find((p) => p.name === requested);
    if (named) return named;
  }
  const lower = image.toLowerCase();
  return PROFILES.find((p) => p.matches(lower))!;
}
