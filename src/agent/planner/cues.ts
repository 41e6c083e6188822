import { KINDS } from './kinds.ts';
import { CUES, type CueName, STOPWORDS } from './lexicon.ts';
import type { Segment } from './segment.ts';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** English phrase → regex source: whole words, spaces match any spacing, a trailing `*` any ending. */
function englishPhrase(phrase: string): string {
  const stem = phrase.endsWith('*');
  const words = (stem ? phrase.slice(0, -1) : phrase).split(' ').map(escapeRe).join('\\s+');
  return `${words}${stem ? '[a-z]*' : ''}`;
}

const byLength = (a: string, b: string) => b.length - a.length;

/** A regex matching any of the English phrases (as whole words) or Chinese substrings. */
function phrasesRe(en: readonly string[], zh: readonly string[]): RegExp {
  const parts: string[] = [];
  if (en.length)
    parts.push(`(?<![a-z0-9_-])(?:${[...en].sort(byLength).map(englishPhrase).join('|')})(?![a-z0-9_-])`);
  if (zh.length) parts.push(`(?:${[...zh].sort(byLength).map(escapeRe).join('|')})`);
  return new RegExp(parts.join('|'));
}

const split = (list: string) => (list ? list.split('|') : []);

const compiled = new Map<CueName, RegExp>();

export function cueRe(name: CueName): RegExp {
  let re = compiled.get(name);
  if (!re) {
    re = phrasesRe(split(CUES[name].en), split(CUES[name].zh));
    compiled.set(name, re);
  }
  return re;
}

/** Does the unused part of the segment contain the cue? */
export const cue = (seg: Segment, name: CueName): boolean => cueRe(name).test(seg.rest);

/** Was the cue said anywhere in the segment, used up by a slot or not? */
export const said = (seg: Segment, name: CueName): boolean => cueRe(name).test(seg.low);

/** Where the cue occurs in the unused part of the segment. */
export function cueAt(seg: Segment, name: CueName): { start: number; end: number; text: string }[] {
  const re = new RegExp(cueRe(name).source, 'g');
  return [...seg.rest.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** The words that carry meaning: cue words and kind names — what a typo is corrected to. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  ...Object.values(CUES).flatMap((c) => split(c.en).flatMap((p) => p.replace('*', '').split(' '))),
  ...KINDS.flatMap((k) => k.en.flatMap((w) => w.split(' '))),
]);

/** Every English word the planner reads as a word, never as the name of an object. */
export const VOCABULARY: ReadonlySet<string> = new Set([...STOPWORDS, ...KEYWORDS]);

/** Vocabulary words that end in `*` in a cue: any word starting with them is a known word too. */
const STEMS = Object.values(CUES).flatMap((c) =>
  split(c.en)
    .filter((p) => p.endsWith('*'))
    .map((p) => p.slice(0, -1)),
);

export const isKnownWord = (word: string): boolean =>
  VOCABULARY.has(word) || STEMS.some((stem) => word.startsWith(stem));
