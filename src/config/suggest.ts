/** Edit distance between two short strings (names, keys). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** `api_key`, `API-KEY` and `apikey` all mean `apiKey`. */
const normal = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');

/** The known name the user most likely meant, or undefined when none is close. */
export function didYouMean(input: string, known: readonly string[]): string | undefined {
  const same = known.find((k) => normal(k) === normal(input));
  if (same) return same;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  for (const k of known) {
    const d = distance(normal(input), normal(k));
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "apiKey"?` or nothing. */
export const suggestion = (input: string, known: readonly string[]) => {
  const hit = didYouMean(input, known);
  return hit ? `; did you mean "${hit}"?` : '';
};
