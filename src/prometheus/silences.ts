import type { Mutation, Target } from '../policy/mutation.ts';
import type { Operation } from '../policy/operation.ts';
import type { AlertmanagerClient, Silence, SilenceMatcher } from './alertmanager.ts';
import { ArgumentError } from './errors.ts';

/** `{alertname: "X"}` (all equality), or `['alertname="X"', 'namespace=~"prod.*"', 'severity!=info']`. */
export type MatchersInput = Record<string, string> | string[] | string;

const MATCHER = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*(?:"((?:[^"\\]|\\.)*)"|([^"\s,]*))\s*$/;

/** Splits `a="x,y", b=~"z"` (braces optional) at the commas outside quotes. */
export function splitMatchers(text: string): string[] {
  const body = text.trim().replace(/^\{/, '').replace(/\}$/, '');
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && quoted) {
      current += c + (body[++i] ?? '');
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

export function parseMatcher(text: string): SilenceMatcher {
  const m = MATCHER.exec(text);
  if (!m)
    throw new ArgumentError(
      `'${text}' is not a label matcher; write label="value", label!="value", label=~"regex" or label!~"regex"`,
    );
  const [, name, op, quotedValue, bare] = m;
  const value = quotedValue !== undefined ? quotedValue.replace(/\\(.)/g, '$1') : bare;
  return { name, value, isRegex: op.includes('~'), isEqual: !op.startsWith('!') };
}

export function parseMatchers(input: MatchersInput): SilenceMatcher[] {
  const matchers =
    typeof input === 'string'
      ? splitMatchers(input).map(parseMatcher)
      : Array.isArray(input)
        ? input.flatMap(splitMatchers).map(parseMatcher)
        : Object.entries(input).map(([name, value]) => ({ name, value, isRegex: false, isEqual: true }));
  if (!matchers.length)
    throw new ArgumentError('a silence needs at least one matcher, e.g. {"alertname": "X"}');
  return matchers;
}

/** A silence must select something narrower than "every alert": one positive matcher on a real value. */
export function checkNotSilencingEverything(matchers: SilenceMatcher[]): void {
  const selective = matchers.some(
    (m) => m.isEqual !== false && (m.isRegex ? !/^(\.\*|\.\+|)$/.test(m.value) : m.value !== ''),
  );
  if (!selective)
    throw new ArgumentError(
      'these matchers would silence every alert; name at least one label value, e.g. alertname="X"',
    );
}

export function matcherText(m: SilenceMatcher): string {
  const op = m.isEqual === false ? (m.isRegex ? '!~' : '!=') : m.isRegex ? '=~' : '=';
  return `${m.name}${op}"${m.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export const describeMatchers = (matchers: SilenceMatcher[]): string =>
  `{${matchers.map(matcherText).join(', ')}}`;

/** The silence as a policy target: its namespace (when one is named) and equality labels decide the checks. */
function silenceTarget(am: AlertmanagerClient, matchers: SilenceMatcher[], name: string): Target {
  const labels = Object.fromEntries(
    matchers.filter((m) => !m.isRegex && m.isEqual !== false).map((m) => [m.name, m.value]),
  );
  return {
    context: am.url,
    apiVersion: 'alertmanager/v2',
    kind: 'Silence',
    namespace: labels.namespace,
    name,
    labels,
  };
}

export interface SilenceRequest {
  matchers: SilenceMatcher[];
  startsAt: Date;
  endsAt: Date;
  comment: string;
  createdBy: string;
}

/**
 * Creating a silence, for the gate. Its inverse (expire it) gets the id once Alertmanager assigned
 * one, before the gate records the outcome. A dry run only validates and returns no id.
 */
export function createSilenceOperation(
  am: AlertmanagerClient,
  request: SilenceRequest,
  requestedBy: string,
): Operation<{ id?: string }> {
  checkNotSilencingEverything(request.matchers);
  const target = silenceTarget(am, request.matchers, describeMatchers(request.matchers));
  const mutation: Mutation<'silence'> = {
    verb: 'silence',
    target,
    params: {
      matchers: request.matchers,
      startsAt: request.startsAt.toISOString(),
      endsAt: request.endsAt.toISOString(),
      comment: request.comment,
      createdBy: request.createdBy,
    },
    requestedBy,
  };
  return {
    mutation,
    async perform(permit) {
      if (permit.dryRun) return {};
      const id = await am.createSilence({ ...mutation.params }, permit);
      mutation.inverse = {
        verb: 'expire-silence',
        target: { ...target, name: id },
        params: { id },
        requestedBy,
      };
      return { id };
    },
  };
}

/** Expiring a silence, for the gate; its inverse creates the same silence again for the time it had left. */
export function expireSilenceOperation(
  am: AlertmanagerClient,
  silence: Silence,
  requestedBy: string,
  now = new Date(),
): Operation<void> {
  const target = silenceTarget(am, silence.matchers, silence.id);
  return {
    mutation: {
      verb: 'expire-silence',
      target,
      params: { id: silence.id },
      requestedBy,
      inverse: {
        verb: 'silence',
        target: { ...target, name: describeMatchers(silence.matchers) },
        params: {
          matchers: silence.matchers,
          startsAt: now.toISOString(),
          endsAt: silence.endsAt,
          comment: silence.comment,
          createdBy: silence.createdBy,
        },
        requestedBy,
      },
    },
    async perform(permit) {
      if (!permit.dryRun) await am.expireSilence(silence.id, permit);
    },
  };
}
