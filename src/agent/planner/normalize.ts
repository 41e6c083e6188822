import { numeralsToDigits } from './numerals.ts';
import type { Lang } from './segment.ts';
import { correctTypos } from './typos.ts';

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
const HAN_RE = new RegExp(`[${HAN}]`);

/** Chinese questions get Chinese answers: any Han character makes a message Chinese. */
export const languageOf = (message: string): Lang => (HAN_RE.test(message) ? 'zh' : 'en');

/** Punctuation NFKC leaves alone, mapped to its ASCII counterpart (。 ends a request like ;). */
const PUNCTUATION: [RegExp, string][] = [
  [/[。]/g, ' ; '],
  [/[、]/g, ', '],
  [/[“”„‟«»「」『』〝〞]/g, '"'],
  [/[‘’‚‛]/g, "'"],
  [/[【〔［]/g, '['],
  [/[】〕］]/g, ']'],
  [/[《〈]/g, '<'],
  [/[》〉]/g, '>'],
  [/[…]/g, '...'],
  [/[—–－]/g, '-'],
  [/[～〜]/g, '~'],
  [/[·・]/g, ' '],
];

/** Between Han and ASCII, so that every ASCII word stands alone: "查看production的Pod" → "查看 production 的 Pod". */
const BOUNDARY = [
  new RegExp(`([${HAN}])(?=[A-Za-z0-9_\\-"'\`/{(\\[%])`, 'g'),
  new RegExp(`([A-Za-z0-9_"'\`)}\\]%])(?=[${HAN}])`, 'g'),
];

/** ASCII-only lower-casing keeps every offset, so `low` and `raw` can be read side by side. */
const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * One message → the text every later step reads: NFKC (full-width letters, digits and punctuation
 * become ASCII), Chinese punctuation mapped, light typos corrected, number words as digits, spaces
 * between Han and ASCII, runs of whitespace collapsed. `raw` keeps the user's case for values
 * (label values, matchers, PromQL, grep patterns); `low` is the same text lower-cased.
 */
export function normalize(message: string): { raw: string; low: string } {
  let s = message.normalize('NFKC');
  for (const [re, to] of PUNCTUATION) s = s.replace(re, to);
  s = correctTypos(s);
  s = numeralsToDigits(s);
  for (const re of BOUNDARY) s = s.replace(re, '$1 ');
  s = s.replace(/\s+/g, ' ').trim();
  return { raw: s, low: asciiLower(s) };
}
