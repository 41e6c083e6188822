import type { Segment } from '../segment.ts';
import { extractTime } from './durations.ts';
import { extractBulk, extractFilters } from './filters.ts';
import { extractLogOptions } from './logs.ts';
import { extractCandidates, extractKinds } from './names.ts';
import { extractPairs, extractPromql, extractQuoted, extractSelectors } from './pairs.ts';
import { extractQuantities } from './quantities.ts';
import { extractImplicitScope, extractScope } from './scope.ts';

/**
 * Fill the segment's slots. The order matters and is the point of this list: each extractor uses
 * up its words, so the more specific readings go first (a PromQL query before key=value pairs,
 * "previous version" before "previous", 500m of CPU before 5m of time, durations before "in X").
 */
const EXTRACTORS: readonly ((seg: Segment) => void)[] = [
  extractPromql,
  extractScope,
  extractSelectors,
  extractQuantities,
  extractLogOptions,
  extractTime,
  extractPairs,
  extractFilters,
  extractImplicitScope,
  extractBulk,
  extractQuoted,
  extractKinds,
  (seg) => {
    seg.slots.candidates = extractCandidates(seg);
  },
  extractNumbers,
];

function extractNumbers(seg: Segment): void {
  for (const m of seg.rest.matchAll(/(?<![\w.-])(-?\d+(?:\.\d+)?)(?![\w.])/g))
    seg.slots.numbers.push({ value: Number(m[1]), index: m.index, text: m[1] });
}

export function extractSlots(seg: Segment): void {
  for (const extract of EXTRACTORS) extract(seg);
}
