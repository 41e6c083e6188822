import { badRequest } from '../core/errors.ts';
import type { ResourceType } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import type { Predicate } from './selectors.ts';

type FieldGetter = (obj: KubeObject) => string;

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const path =
  (...keys: string[]): FieldGetter =>
  (obj) => {
    let cur: unknown = obj;
    for (const k of keys)
      cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[k] : undefined;
    return text(cur);
  };

/** The field labels the real API server supports per kind, beyond metadata.name and metadata.namespace. */
const FIELDS: Record<string, Record<string, FieldGetter>> = {
  Pod: {
    'spec.nodeName': path('spec', 'nodeName'),
    'spec.restartPolicy': path('spec', 'restartPolicy'),
    'spec.schedulerName': path('spec', 'schedulerName'),
    'spec.serviceAccountName': path('spec', 'serviceAccountName'),
    'spec.hostNetwork': (o) => String(o.spec?.hostNetwork === true),
    'status.phase': path('status', 'phase'),
    'status.podIP': path('status', 'podIP'),
    'status.nominatedNodeName': path('status', 'nominatedNodeName'),
  },
  Event: {
    'involvedObject.kind': path('involvedObject', 'kind'),
    'involvedObject.namespace': path('involvedObject', 'namespace'),
    'involvedObject.name': path('involvedObject', 'name'),
    'involvedObject.uid': path('involvedObject', 'uid'),
    'involvedObject.apiVersion': path('involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': path('involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': path('involvedObject', 'fieldPath'),
    reason: path('reason'),
    reportingComponent: path('reportingComponent'),
    source: path('source', 'component'),
    type: path('type'),
  },
  Node: { 'spec.unschedulable': (o) => String(o.spec?.unschedulable === true) },
  Secret: { type: path('type') },
  Namespace: { 'status.phase': path('status', 'phase') },
  ReplicaSet: { 'status.replicas': (o) => text(o.status?.replicas ?? 0) },
  Job: { 'status.successful': (o) => text(o.status?.succeeded ?? 0) },
};

const COMMON: Record<string, FieldGetter> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
};

/** Splits on separators not escaped with a backslash. */
function splitUnescaped(input: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === '\\' && i + 1 < input.length) {
      current += c + input[++i];
    } else if (c === separator) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

const unescapeValue = (value: string) => value.replace(/\\(.)/g, '$1');

/** A field-selector string (`status.phase!=Running,spec.nodeName=n1`) as a predicate; undefined when empty. */
export function fieldPredicate(rt: ResourceType, selector: string | null | undefined): Predicate | undefined {
  if (!selector?.trim()) return undefined;
  const supported = { ...COMMON, ...FIELDS[rt.kind] };
  const tests = splitUnescaped(selector, ',').map((term) => {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/s.exec(term.trim());
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const [, field, op, raw] = m;
    const getter = Object.hasOwn(supported, field) ? supported[field] : undefined;
    if (!getter) throw badRequest(`field label not supported: ${field}`);
    const value = unescapeValue(raw);
    return op === '!=' ? (o: KubeObject) => getter(o) !== value : (o: KubeObject) => getter(o) === value;
  });
  return (obj) => tests.every((t) => t(obj));
}

/** `metadata.name=x` alone: the single-object watch/list kubectl and informers use. */
export function singleName(selector: string | null | undefined): string | undefined {
  const m = /^metadata\.name==?([^,\\]+)$/.exec(selector?.trim() ?? '');
  return m?.[1];
}
