import { KEYWORDS, VOCABULARY } from './cues.ts';

/** Optimal string alignment distance: edits, with a swap of two neighbours counting as one. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

// Fillers and function words are known (never corrected) but never a correction's target.
const TARGETS = [...KEYWORDS].filter((w) => w.length >= 4 && /^[a-z]+$/.test(w));
const SWAPPABLE = new Map<string, string[]>();
for (const w of TARGETS.filter((t) => t.length === 4)) {
  const key = [...w].sort().join('');
  SWAPPABLE.set(key, [...(SWAPPABLE.get(key) ?? []), w]);
}

/**
 * The vocabulary word a misspelt word most likely meant: words of 5+ letters, at most one edit away
 * (two from 8 letters on), same first letter, and only when a single word is that close; words of four
 * letters only when two neighbouring letters are swapped.
 */
function correctWord(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 4 || VOCABULARY.has(lower)) return undefined;
  // Four letters: only two neighbours swapped ("lgos"), anything looser hits real names.
  if (lower.length === 4)
    return SWAPPABLE.get([...lower].sort().join(''))?.find((t) => editDistance(lower, t, 1) === 1);
  const max = lower.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = max + 1;
  let tie = false;
  for (const target of TARGETS) {
    if (target[0] !== lower[0]) continue;
    const distance = editDistance(lower, target, max);
    if (distance < bestDistance) {
      best = target;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = true;
  }
  return best && !tie ? best : undefined;
}

/** Correct stand-alone English words; names (with `-`, digits, dots), flags and key=value stay as typed. */
export function correctTypos(text: string): string {
  return text.replace(
    /(?<![\w\-./=:'"])[A-Za-z]{4,}(?![\w\-./=:'"([{])/g,
    (word) => correctWord(word) ?? word,
  );
}
