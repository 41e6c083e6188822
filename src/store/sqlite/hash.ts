/**
 * A 53-bit hash of a string (cyrb53), exact as a JavaScript number and a SQLite INTEGER. Indexes
 * on it instead of on fingerprint text are a third the size; since fingerprints are random, every
 * commit touches index pages all over, so a small index means far fewer pages written per commit.
 * Lookups always compare the text too, so a collision costs a row read, never a wrong match.
 */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The key of an incident's alert: its incident and fingerprint. */
export const alertKey = (incidentId: string, fingerprint: string) => hash53(`${incidentId}/${fingerprint}`);
