import type { KubeObject } from '../core/types.ts';
import { STATUSES, seconds, statusValue } from './context.ts';
import { type Exposition, labels } from './exposition.ts';

/** The shapes kube-state-metrics families share: per-object gauges, condition triples, owners. */

type Gauges = Record<string, [help: string, value: (o: KubeObject) => number | undefined]>;

/** One gauge family per entry, one sample per object, labelled `namespace` and the kind's label. */
export function gauges(
  out: Exposition,
  objects: KubeObject[],
  label: string,
  prefix: string,
  defs: Gauges,
): void {
  const families = Object.entries(defs).map(([suffix, [help, value]]) => ({
    sample: out.family(`${prefix}_${suffix}`, 'gauge', help),
    value,
  }));
  for (const o of objects) {
    const l = labels({ namespace: o.metadata.namespace, [label]: o.metadata.name });
    for (const f of families) {
      const v = f.value(o);
      if (v !== undefined) f.sample(l, v);
    }
  }
}

export function conditions(
  out: Exposition,
  objects: KubeObject[],
  label: string,
  name: string,
  help: string,
): void {
  const sample = out.family(name, 'gauge', help);
  for (const o of objects) {
    const l = labels({ namespace: o.metadata.namespace, [label]: o.metadata.name });
    for (const c of o.status?.conditions ?? []) {
      for (const s of STATUSES)
        sample(`${l},${labels({ condition: c.type, status: s })}`, statusValue(c.status, s));
    }
  }
}

/** The `condition="true|false|unknown"` triple for one condition type (jobs). */
export function conditionOf(
  out: Exposition,
  objects: KubeObject[],
  label: string,
  name: string,
  type: string,
  help: string,
) {
  const sample = out.family(name, 'gauge', help);
  for (const o of objects) {
    const c = (o.status?.conditions ?? []).find((x: any) => x.type === type);
    if (!c) continue;
    const l = labels({ namespace: o.metadata.namespace, [label]: o.metadata.name });
    for (const s of STATUSES) sample(`${l},condition="${s}"`, statusValue(c.status, s));
  }
}

export function owners(out: Exposition, objects: KubeObject[], label: string, name: string): void {
  const sample = out.family(name, 'gauge', `Information about the ${label}'s owner.`);
  for (const o of objects) {
    const ref = o.metadata.ownerReferences?.[0];
    sample(
      labels({
        namespace: o.metadata.namespace,
        [label]: o.metadata.name,
        owner_kind: ref?.kind ?? '<none>',
        owner_name: ref?.name ?? '<none>',
        owner_is_controller: ref ? String(!!ref.controller) : '<none>',
      }),
      1,
    );
  }
}

export const created = (o: KubeObject) => seconds(o.metadata.creationTimestamp);
export const generation = (o: KubeObject) => o.metadata.generation ?? 0;
export const observed = (o: KubeObject) => o.status?.observedGeneration ?? 0;
