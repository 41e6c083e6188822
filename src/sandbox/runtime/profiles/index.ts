import { uniquelyNamed } from '../../../registry.ts';
import { coredns } from './coredns.ts';
import { httpApp } from './http-app.ts';
import { nginx } from './nginx.ts';
import { postgres } from './postgres.ts';
import { quiet } from './quiet.ts';
import { redis } from './redis.ts';
import type { AppProfile } from './types.ts';

export type { AppContext, AppProfile, Crash, Peer, Problem, Protocol, StartFailure } from './types.ts';

/** Application profiles, most specific first; the generic HTTP service matches anything. */
export const PROFILES: readonly AppProfile[] = uniquelyNamed(
  [postgres, redis, coredns, nginx, quiet, httpApp],
  'application profile',
);

/** The profile named by the `sandbox.sre-nanobot.dev/profile` annotation, else the first whose image matches. */
export function profileFor(image: string, requested?: string): AppProfile {
  if (requested) {
    const named = PROFILES.find((p) => p.name === requested);
    if (named) return named;
  }
  const lower = image.toLowerCase();
  return PROFILES.find((p) => p.matches(lower))!;
}
