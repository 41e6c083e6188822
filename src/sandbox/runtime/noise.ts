/**
 * Seeded, deterministic variation: the same pod at the same simulated time always reports the same
 * numbers, so two renders or two test runs agree while graphs still look alive.
 */

/** FNV-1a of a string, mapped to [0, 1). */
export function hash01(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 2 ** 32;
}

/** An integer in [0, n) picked by `seed`. */
export const pick = (seed: string, n: number): number => Math.floor(hash01(seed) * n);

/** Smooth noise in [-1, 1]: random values every `periodMs`, cosine-interpolated between them. */
export function smoothNoise(seed: string, timeMs: number, periodMs = 30_000): number {
  const slot = Math.floor(timeMs / periodMs);
  const t = (timeMs - slot * periodMs) / periodMs;
  const a = hash01(`${seed}#${slot}`) * 2 - 1;
  const b = hash01(`${seed}#${slot + 1}`) * 2 - 1;
  const w = (1 - Math.cos(t * Math.PI)) / 2;
  return a * (1 - w) + b * w;
}
