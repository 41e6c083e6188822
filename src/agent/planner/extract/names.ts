import { isKnownWord } from '../cues.ts';
import { KINDS, type KindSpec, VERB_ONLY_ALIASES } from '../kinds.ts';
import type { Candidate, Segment } from '../segment.ts';
import { take } from '../segment.ts';
import { NAME } from './scope.ts';

const KIND_KEYS: Record<string, string> = {
  pod: 'Pod',
  deployment: 'Deployment',
  deploy: 'Deployment',
  workload: 'Deployment',
  service: 'Service',
  svc: 'Service',
  node: 'Node',
  instance: 'Node',
  statefulset: 'StatefulSet',
  sts: 'StatefulSet',
  daemonset: 'DaemonSet',
  job: 'Job',
};
const kindNamed = (kind: string) => KINDS.find((k) => k.kind === kind);

function aliasKind(word: string): KindSpec | undefined {
  return KINDS.find((k) => k.en.includes(word) || k.zh.includes(word));
}
const isPlural = (word: string, spec: KindSpec) =>
  /[\u3400-\u9fff]/.test(word) ||
  (word.endsWith('s') && word !== spec.en[0] && word !== 'ds' && word !== 'ns');

const ALIAS = KINDS.flatMap((k) => [...k.en, ...k.zh])
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/\s/g, '\\s+'))
  .join('|');
const KIND_RE = new RegExp(`(?<![\\w/-])(${ALIAS})(?![a-z0-9/-])`, 'g');

/** Kinds said in the request, in order, each once; `get no`-style short names only after a verb. */
export function extractKinds(seg: Segment): void {
  const found: KindSpec[] = [];
  for (const m of seg.rest.matchAll(KIND_RE)) {
    const spec = aliasKind(m[1].replace(/\s+/g, ' '));
    if (spec && !found.includes(spec)) found.push(spec);
  }
  for (const m of seg.rest.matchAll(/(?<![\w-])(?:get|list|describe)\s+(no|sa|sc|ep)(?![\w-])/g)) {
    const spec = kindNamed(VERB_ONLY_ALIASES[m[1]]);
    if (spec && !found.includes(spec)) found.push(spec);
  }
  seg.slots.kinds = found;
}

/** Every word that may be a name, best first: typed next to a kind, quoted, shaped like a name, or plain. */
export function extractCandidates(seg: Segment): Candidate[] {
  const out: Candidate[] = [];
  take(seg, new RegExp(`(?<![\\w-])(${ALIAS})/${NAME}`), (m) => {
    out.push({
      name: m.low(2)!,
      raw: m.raw(2)!,
      start: m.start,
      end: m.end,
      score: 6,
      kind: aliasKind(m.low(1)!),
    });
  });
  seg.slots.pairs = seg.slots.pairs.filter((p) => {
    const kind = KIND_KEYS[p.key.toLowerCase()] ?? (p.key.toLowerCase() === 'name' ? '' : undefined);
    if (kind === undefined || p.op !== '=') return true;
    out.push({
      name: p.value.toLowerCase(),
      raw: p.value,
      start: -1,
      end: -1,
      score: 6,
      kind: kind ? kindNamed(kind) : undefined,
    });
    return false;
  });
  for (const q of seg.slots.quoted)
    if (/^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/i.test(q))
      out.push({ name: q.toLowerCase(), raw: q, start: -1, end: -1, score: 5 });
  const zh = seg.lang === 'zh';
  for (const m of seg.rest.matchAll(new RegExp(`(?<![\\w./:-])${NAME}(?![\\w/:-])`, 'g'))) {
    const name = m[1];
    // Numbers, version tags (v3, v1.2.0), quantiles (p99) and known words are not names.
    if (
      /^(?:v|t?p)?\d+(?:\.\d+)*$/.test(name) ||
      name.length < 2 ||
      name.length > 253 ||
      isKnownWord(name) ||
      aliasKind(name)
    )
      continue;
    const start = m.index;
    const end = start + name.length;
    const before = seg.rest.slice(0, start).replace(/\s+$/, '');
    const after = seg.rest.slice(end).replace(/^\s+/, '');
    const c: Candidate = { name, raw: seg.raw.slice(start, end), start, end, score: 1 };
    const lead = before.replace(/(?:\s*(?:named|called|名为|叫做?|the))+$/, '');
    const kindBefore = new RegExp(`(?:^|[^\\w/-])(${ALIAS})$`).exec(lead);
    if (kindBefore) {
      c.kind = aliasKind(kindBefore[1].replace(/\s+/g, ' '));
      c.score = 4;
    }
    const next = new RegExp(`^(的\\s*)?(${ALIAS})(?![a-z0-9-])`).exec(after);
    if (next) {
      const spec = aliasKind(next[2].replace(/\s+/g, ' '))!;
      if (next[1] || isPlural(next[2], spec)) c.owner = spec;
      else if (!c.kind) {
        c.kind = spec;
        c.score = 4;
      }
    }
    if (/[-.\d]/.test(name) && /[a-z]/.test(name)) c.score += 2;
    if (zh) c.score += 1;
    out.push(c);
  }
  return out.sort((a, b) => b.score - a.score || a.start - b.start);
}

const JOINER = /^(?:,|、|和|与|及|以及|跟|还有|and|&|plus|as well as|or|或者?|\/|, and|,and)$/;

/**
 * The object names a request is about: the best candidate, plus the candidates listed with it
 * ("a 和 b", "a, b and c") — several names give one call each.
 */
export function pickNames(seg: Segment, candidates: Candidate[]): Candidate[] {
  if (!candidates.length) return [];
  const best = candidates[0];
  if (best.start < 0) return candidates.filter((c) => c.start < 0 && c.score === best.score).slice(0, 1);
  const positioned = candidates.filter((c) => c.start >= 0).sort((a, b) => a.start - b.start);
  const i = positioned.indexOf(best);
  const group = [best];
  const between = (a: Candidate, b: Candidate) => seg.rest.slice(a.end, b.start).trim();
  for (let j = i + 1; j < positioned.length && JOINER.test(between(positioned[j - 1], positioned[j])); j++)
    group.push(positioned[j]);
  for (let j = i - 1; j >= 0 && JOINER.test(between(positioned[j], positioned[j + 1])); j--)
    group.unshift(positioned[j]);
  return group.length > 1 && best.score >= 3 ? group : [best];
}
