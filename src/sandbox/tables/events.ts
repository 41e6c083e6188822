import type { KubeObject } from '../core/types.ts';
import { column, NAME, since, wide } from './format.ts';
import type { Printer } from './types.ts';

/** printEvent: `kubectl get events` shows LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; the rest is `-o wide`. */
export const eventPrinter: Printer = {
  kinds: ['Event'],
  columns: [
    column('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
    column('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
    column(
      'Reason',
      "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
    ),
    column('Object', 'The object that this event is about.'),
    wide(
      'Subobject',
      'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].',
    ),
    wide('Source', 'The component reporting this event. Should be a short machine understandable string.'),
    column('Message', 'A human-readable description of the status of this operation.'),
    wide(
      'First Seen',
      'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)',
    ),
    wide('Count', 'The number of times this event has occurred.'),
    { ...wide('Name', NAME.description), format: 'name' },
  ],
  cells(event, now) {
    const first = event.firstTimestamp ? since(event.firstTimestamp, now) : since(event.eventTime, now);
    let last = event.lastTimestamp ? since(event.lastTimestamp, now) : first;
    let count = typeof event.count === 'number' && event.count > 0 ? event.count : 1;
    const series = event.series as { lastObservedTime?: string; count?: number } | undefined;
    if (series) {
      last = since(series.lastObservedTime, now);
      count = series.count ?? 0;
    }
    const involved = (event.involvedObject ?? {}) as { kind?: string; name?: string; fieldPath?: string };
    const kind = (involved.kind ?? '').toLowerCase();
    return [
      last,
      String(event.type ?? ''),
      String(event.reason ?? ''),
      involved.name ? `${kind}/${involved.name}` : kind,
      involved.fieldPath ?? '',
      source(event),
      String(event.message ?? '').trim(),
      first,
      count,
      event.metadata.name,
    ];
  },
};

/** formatEventSource: component (or reportingController), then host (or reportingInstance) when known. */
function source(event: KubeObject): string {
  const src = (event.source ?? {}) as { component?: string; host?: string };
  const component = src.component || String(event.reportingComponent ?? '');
  const instance = src.host || String(event.reportingInstance ?? '');
  return instance ? `${component}, ${instance}` : component;
}
