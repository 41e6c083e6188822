import type { Plan } from '../plan.ts';
import { said } from './cues.ts';
import { extractSlots } from './extract/index.ts';
import { MUTATION_CUES, ordered } from './intents/imperative.ts';
import { call } from './intents/intent.ts';
import { normalize } from './normalize.ts';
import { ask } from './questions.ts';
import { type Lang, newSegment, type Segment } from './segment.ts';

/** Lines that are pasted material (log lines, alert bodies, JSON), not the user's words. */
const DATA_LINE =
  /^\s*(?:[{}[\]"]|-\s|\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}|[EWIF]\d{4}\s|(?:level|ts|time|msg|alertname|severity|summary|description|status|labels|annotations|startsAt|endsAt)\s*[=:]|at\s+\S+\(|Traceback|panic:|goroutine\s|(?:ERROR|WARN|WARNING|INFO|DEBUG|FATAL)\b|\S+=\S+\s+\S+=\S+)/;
const ALERT_PASTE = /\[firing|"alerts"\s*:|"status"\s*:\s*"firing"|firing\s*:|告警名称|告警内容/i;
/** alertname=X is an alert's label set, unless the user is silencing or filtering by it. */
const ALERT_LABELS = /alertname"?\s*[=:]/i;
/** An inline JSON object: pasted, whatever words it holds. */
const INLINE_JSON = /[{[]\s*"[\w.-]+"\s*:[\s\S]*[}\]]/;

/**
 * The user's own words in a message, without what they pasted into it: later lines that look like
 * log lines, alert bodies or JSON, and the rest of a line after a colon that starts like one
 * ("这段日志什么意思：ERROR: please restart api-service"). Pasted text never drives a plan.
 */
export function instructionOf(message: string): string {
  const instruction: string[] = [];
  for (const [i, text] of message.split(/\r?\n/).entries()) {
    if (i > 0 && DATA_LINE.test(text)) continue;
    const line = text.replace(INLINE_JSON, ' ');
    const colon = /[:：]\s*/.exec(line);
    const after = colon ? line.slice(colon.index + colon[0].length) : '';
    const pasted = colon && DATA_LINE.test(after) && !/^\S+=\S+\s*$/.test(after);
    instruction.push(pasted ? line.slice(0, colon.index) : line);
  }
  return instruction.join(' ');
}

/**
 * "处理这个告警 …", "fix api-service", a pasted alert: a read-only diagnosis of what the text names,
 * and a note that remediation runs through the gateway's runbooks with approval. Whatever the
 * pasted text says ("restart it"), nothing here ever mutates.
 */
export function handover(
  lang: Lang,
  instruction: Segment,
  message: string,
  defaultNamespace?: string,
): Plan | undefined {
  const pasted =
    ALERT_PASTE.test(message) ||
    (ALERT_LABELS.test(message) && !said(instruction, 'silence') && !said(instruction, 'read'));
  const fix = said(instruction, 'fix');
  const alert = said(instruction, 'alert');
  const orders = MUTATION_CUES.some((c) => ordered(instruction, c));
  if (!pasted && !(fix && (alert || !orders))) return undefined;
  const jsonAsPairs = message.replace(/"([\w.]+)"\s*:\s*"([^"]*)"/g, '$1=$2');
  const { raw, low } = normalize(jsonAsPairs);
  const all = newSegment(lang, raw, low);
  extractSlots(all);
  // Prefer what the alert's labels name (workload over pod over service), then a name-shaped word;
  // CamelCase words are alert names, not objects.
  const label = (key: string) =>
    new RegExp(`(?<![\\w-])${key}\\s*[=:]\\s*"?([a-z0-9][a-z0-9.-]*)`).exec(low)?.[1];
  const labelled = ['deployment', 'statefulset', 'daemonset', 'pod', 'service', 'job']
    .map(label)
    .find(Boolean);
  const shaped = all.slots.candidates.find((c) => !/[A-Z]/.test(c.raw) && c.score >= 3);
  const name = labelled ?? shaped?.name;
  const namespace = label('namespace') ?? all.slots.namespace ?? defaultNamespace;
  const diagnose = call('diagnose', { namespace, name, context: all.slots.context });
  return { calls: [diagnose], question: ask(lang, 'handover') };
}
