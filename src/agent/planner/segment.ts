import type { KindSpec } from './kinds.ts';

export type Lang = 'zh' | 'en';

/** A key=value (or key!=value, key=~value) pair typed by the user: a label, a matcher, a target. */
export interface Pair {
  key: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/** A word that may name the object a request is about, with what its neighbours say about it. */
export interface Candidate {
  name: string;
  /** The name as typed (alert names keep their case). */
  raw: string;
  /** Offsets in the segment; -1 for names given as key=value or in quotes. */
  start: number;
  end: number;
  score: number;
  /** The kind said right next to it ("pod x", "x deployment", `deploy/x`, pod=x). */
  kind?: KindSpec;
  /** "x 的 pod", "x pods": x holds a set of that kind (a namespace or a workload). */
  owner?: KindSpec;
}

export interface Duration {
  /** Prometheus notation: "30m", "2h", "1d". */
  text: string;
  seconds: number;
}

export interface ResourceValues {
  cpu?: string;
  memory?: string;
}

/** Everything the slot extractors found in one request; every field is optional but the arrays. */
export interface Slots {
  namespace?: string;
  /** Namespace-like words that may also be an object's name ("in shop", "X 里"); resolved later. */
  maybeNamespace: string[];
  allNamespaces?: boolean;
  context?: string;
  quoted: string[];
  promql?: string;
  pairs: Pair[];
  labelSelector?: string;
  fieldSelector?: string;
  nodeName?: string;
  durations: Duration[];
  offset?: string;
  quantile?: number;
  limits: ResourceValues;
  requests: ResourceValues;
  /** Resource values without "limit"/"request": they become limits. */
  values: ResourceValues;
  tailLines?: number;
  previous?: boolean;
  grep?: string;
  container?: string;
  /** The replica count as typed (may be negative or fractional: the builder refuses those). */
  replicas?: number;
  /** "add 2 replicas", "翻倍": a change relative to a count the planner cannot see. */
  relative?: boolean;
  revision?: number;
  previousRevision?: boolean;
  ignoreDaemonSets?: boolean;
  deleteEmptyDirData?: boolean;
  force?: boolean;
  gracePeriodSeconds?: number;
  limit?: number;
  dryRun?: boolean;
  eventType?: 'Warning' | 'Normal';
  silenceId?: string;
  /** A quantifier over a whole set ("all pods", "所有", "everything", a `*` wildcard). */
  bulk?: boolean;
  kinds: KindSpec[];
  /** Words used like a kind that the planner does not know ("list the foobars"). */
  unknownKind?: string;
  /** Words that may name the object of the request, best first (see extract/names.ts). */
  candidates: Candidate[];
  /** Numbers left after the other slots took theirs, in order. */
  numbers: { value: number; index: number; text: string }[];
}

/**
 * One request of a message: its normalized text (`raw` keeps the user's case, `low` is lower-cased
 * ASCII at the same offsets) and `rest`, `low` with every span a slot extractor took blanked out,
 * so that later steps do not read the same words twice.
 */
export interface Segment {
  lang: Lang;
  raw: string;
  low: string;
  rest: string;
  slots: Slots;
}

const emptySlots = (): Slots => ({
  maybeNamespace: [],
  quoted: [],
  pairs: [],
  durations: [],
  limits: {},
  requests: {},
  values: {},
  kinds: [],
  candidates: [],
  numbers: [],
});

export const newSegment = (lang: Lang, raw: string, low: string): Segment => ({
  lang,
  raw,
  low,
  rest: low,
  slots: emptySlots(),
});

/** One match of `take`: groups from the lower-cased text and, at the same offsets, the raw text. */
export interface Match {
  low(group?: number): string | undefined;
  raw(group?: number): string | undefined;
  start: number;
  end: number;
}

/** Blank out [start, end) of the segment's rest: those characters have been used. */
export function blank(seg: Segment, start: number, end: number): void {
  seg.rest = seg.rest.slice(0, start) + ' '.repeat(end - start) + seg.rest.slice(end);
}

/**
 * Find every match of `re` in what is left of the segment, hand it to `on`, and blank the match
 * (or only group `blankGroup`) unless `on` returns false. Returns the number of matches used.
 */
export function take(seg: Segment, re: RegExp, on: (m: Match) => unknown, blankGroup = 0): number {
  const global = new RegExp(re.source, `${re.flags.replace(/[gd]/g, '')}gd`);
  const found: { m: RegExpExecArray; match: Match }[] = [];
  for (let m = global.exec(seg.rest); m; m = global.exec(seg.rest)) {
    if (m[0] === '') {
      global.lastIndex++;
      continue;
    }
    const indices = m.indices!;
    const at = (g: number) => indices[g];
    found.push({
      m,
      match: {
        low: (g = 0) => (at(g) ? seg.low.slice(at(g)![0], at(g)![1]) : undefined),
        raw: (g = 0) => (at(g) ? seg.raw.slice(at(g)![0], at(g)![1]) : undefined),
        start: m.index,
        end: m.index + m[0].length,
      },
    });
  }
  let used = 0;
  for (const { m, match } of found) {
    if (on(match) === false) continue;
    used++;
    const span = m.indices![blankGroup] ?? m.indices![0];
    blank(seg, span[0], span[1]);
  }
  return used;
}
