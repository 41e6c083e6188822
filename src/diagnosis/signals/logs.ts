import type { Evidence } from '../evidence/evidence.ts';
import type { Pod } from '../evidence/shapes.ts';
import { ERROR_LINE } from './log-patterns.ts';

export interface LogLine {
  text: string;
  container: string;
  previous: boolean;
}

export interface LogHit {
  line: LogLine;
  match: RegExpExecArray;
  /** Position of the line in the list searched. */
  index: number;
}

const linesCache = new WeakMap<Pod, Map<string, LogLine[]>>();
const hitsCache = new WeakMap<LogLine[], Map<RegExp[], LogHit[]>>();
const anyCache = new WeakMap<RegExp[], RegExp>();

/** One expression that matches wherever any of the list does (a superset: case folded): most lines fail it once. */
function anyOf(patterns: RegExp[]): RegExp {
  let any = anyCache.get(patterns);
  if (!any) {
    any = new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), 'i');
    anyCache.set(patterns, any);
  }
  return any;
}

/**
 * A pod's log tails: every container, the previous instance first, then the current one. The same
 * array comes back for the same pod, so matching over it is done once however many patterns ask.
 */
export function podLogLines(
  ev: Evidence,
  pod: Pod,
  which: 'all' | 'current' | 'previous' = 'all',
): LogLine[] {
  let byWhich = linesCache.get(pod);
  if (!byWhich) {
    byWhich = new Map();
    linesCache.set(pod, byWhich);
  }
  const cached = byWhich.get(which);
  if (cached) return cached;
  const out: LogLine[] = [];
  byWhich.set(which, out);
  const names = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name);
  for (const container of names) {
    const logs = ev.logsOf(pod, container);
    if (which !== 'current')
      for (const text of logs.previous ?? []) out.push({ text, container, previous: true });
    if (which !== 'previous')
      for (const text of logs.current ?? []) out.push({ text, container, previous: false });
  }
  return out;
}

/** Every line matching one of the expressions (the first that matches each line), memoised per list. */
export function matchLines(lines: LogLine[], patterns: RegExp[]): LogHit[] {
  let byPatterns = hitsCache.get(lines);
  if (!byPatterns) {
    byPatterns = new Map();
    hitsCache.set(lines, byPatterns);
  }
  const cached = byPatterns.get(patterns);
  if (cached) return cached;
  const hits: LogHit[] = [];
  byPatterns.set(patterns, hits);
  const any = anyOf(patterns);
  for (const [index, line] of lines.entries()) {
    if (!any.test(line.text)) continue;
    for (const re of patterns) {
      const match = re.exec(line.text);
      if (match) {
        hits.push({ line, match, index });
        break;
      }
    }
  }
  return hits;
}

/**
 * The peer of a hit, looking at the few lines before it too: runtimes often log the failed call
 * ("refresh from https://… failed") above the exception that says why.
 */
export function peerAround(lines: LogLine[], hit: LogHit, before = 3): Peer {
  for (let i = hit.index; i >= Math.max(0, hit.index - before); i--) {
    if (lines[i].container !== hit.line.container) break;
    const peer = peerOf(lines[i].text);
    if (peer.host || peer.ip) return peer;
  }
  return {};
}

/** A log line short enough to quote: JSON lines keep their message and error fields. */
export function quote(text: string, max = 300): string {
  let shown = text.trim();
  if (shown.startsWith('{')) {
    try {
      const entry = JSON.parse(shown) as Record<string, unknown>;
      const flat = (v: unknown) =>
        v && typeof v === 'object' && 'message' in v ? (v as { message: unknown }).message : v;
      const parts = ['level', 'msg', 'message', 'error', 'err', 'status', 'upstream']
        .map((k) => [k, flat(entry[k])] as const)
        .filter(([, v]) => v !== undefined && typeof v !== 'object')
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`);
      if (parts.length) shown = parts.join(' ');
    } catch {
      // not JSON after all: quote it as it is
    }
  }
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}

const GO_PANIC = /^panic: /;
const PY_EXCEPTION = /^(?:[\w.]+\.)?\w*(?:Error|Exception|Exit|Interrupt)(?::|$)/;
const JAVA_CAUSE =
  /^(?:Caused by: |Exception in thread "[^"]+" )?(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)\b/;
const STACK_FRAME = /^\s+(?:at |File "|\/)|^\s*\.\.\. \d+ more|^goroutine \d+|^\t|^\[signal /;

/**
 * The line of a log that says why the program stopped: a Go panic, the last Python exception, the
 * deepest Java "Caused by", else the last error-looking line, else the last line.
 */
export function keyLine(lines: string[]): string | undefined {
  const text = lines.filter((l) => l.trim() !== '');
  if (!text.length) return undefined;
  const panic = text.find((l) => GO_PANIC.test(l));
  if (panic) return panic;
  if (text.some((l) => l.startsWith('Traceback'))) {
    const exception = text.findLast((l) => PY_EXCEPTION.test(l) && !STACK_FRAME.test(l));
    if (exception) return exception;
  }
  const javaCause = text.findLast((l) => JAVA_CAUSE.test(l));
  if (javaCause) return javaCause;
  const error = text.findLast((l) => ERROR_LINE.test(l) && !STACK_FRAME.test(l));
  return error ?? text[text.length - 1];
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export interface Peer {
  host?: string;
  ip?: string;
  port?: number;
}

const PEER_FORMS: RegExp[] = [
  /\b(?:https?|grpcs?|postgres(?:ql)?|redis|rediss|mysql|amqps?|mongodb|nats|kafka):\/\/(?:[^@/\s"]*@)?([\w.-]+)(?::(\d+))?/,
  /\blookup ([\w.-]+)(?: on |: )/,
  /host=([\w.-]+)/,
  /"upstream":"([\w.-]+)(?::(\d+))?"/,
  /upstream: "\w+:\/\/([\w.-]+):(\d+)/,
  /connection to server at "([\w.-]+)"[^,]*, port (\d+)/,
  /(?:connecting to|Could not connect to Redis at|connect to) ([\w.-]+):(\d+)/,
  /dial tcp ([\w.-]+):(\d+)/,
  /(?:ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN) ([\w.-]+)(?::(\d+))?/,
  /on host "([\w.-]+)"/,
  /(?<=\b(?!connect\b|tcp\b|dial\b)([a-z][\w.-]*): (?:dial tcp: )?(?:connect: )?)connection refused/,
];

/**
 * The other end a log line is about: a host name when the line gives one, an IP otherwise, and a port.
 * Names win over addresses because Services are found by name.
 */
export function peerOf(text: string): Peer {
  const peer: Peer = {};
  for (const re of PEER_FORMS) {
    const m = re.exec(text);
    if (!m) continue;
    const [, who, port] = m;
    if (IPV4.test(who)) peer.ip ??= who;
    else if (who.includes('.') || !/^\d/.test(who)) peer.host ??= who;
    if (port && peer.port === undefined) peer.port = Number(port);
    if (peer.host && peer.port !== undefined) break;
  }
  const ip = peer.ip ?? /\b(\d{1,3}(?:\.\d{1,3}){3}):\d+/.exec(text)?.[1];
  if (ip) peer.ip = ip;
  return peer;
}

const STATUS_FORMS: RegExp[] = [
  /"(?:status|status_code|statusCode|http_status|response_code)":\s?(\d{3})\b/,
  /\b(?:status|status_code|statusCode)[=:]\s?(\d{3})\b/,
  /"(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) [^"]*" (\d{3}) /,
];

export interface HttpStats {
  requests: number;
  errors: number;
  /** A line of a failed request, for the evidence. */
  example?: string;
  /** The error text most failed requests share. */
  commonError?: string;
  /** Whether every failure is a gateway status (502, 503, 504): a proxy passing on its upstreams' trouble. */
  gatewayOnly: boolean;
}

/** Requests the log records and how many got a 5xx, from JSON, key=value and access-log lines. */
export function httpStats(lines: LogLine[]): HttpStats {
  const stats: HttpStats = { requests: 0, errors: 0, gatewayOnly: true };
  const reasons = new Map<string, number>();
  for (const { text } of lines) {
    let status: number | undefined;
    for (const re of STATUS_FORMS) {
      const m = re.exec(text);
      if (m) {
        status = Number(m[1]);
        break;
      }
    }
    if (status === undefined || status < 100) continue;
    stats.requests++;
    if (status < 500) continue;
    stats.errors++;
    if (status < 502 || status > 504) stats.gatewayOnly = false;
    stats.example ??= text;
    const reason = /"(?:error|err)":"([^"]+)"/.exec(text)?.[1];
    if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const common = [...reasons].sort((a, b) => b[1] - a[1])[0];
  if (common) stats.commonError = common[0];
  return stats;
}
