import type { ContainerSpec } from '../../core/runtime.ts';
import type { ObjectStore } from '../../core/store.ts';
import type { KubeObject } from '../../core/types.ts';
import { CONFIG_MAPS, PVCS, SECRETS } from '../kinds.ts';

const hasKey = (obj: KubeObject, key: string) =>
  Object.hasOwn((obj.data as object) ?? {}, key) ||
  Object.hasOwn((obj.binaryData as object) ?? {}, key) ||
  Object.hasOwn((obj.stringData as object) ?? {}, key);

interface Source {
  kind: 'Secret' | 'ConfigMap';
  name: string;
  optional: boolean;
}

const lookup = (store: ObjectStore, ns: string, src: Source) =>
  store.get(src.kind === 'Secret' ? SECRETS : CONFIG_MAPS, ns, src.name);

const notFound = (src: Source) => `${src.kind === 'Secret' ? 'secret' : 'configmap'} "${src.name}" not found`;

/**
 * Why the kubelet cannot build this container's environment, in its words
 * (`secret "db-creds" not found`, `couldn't find key password in Secret shop/db-creds`), or
 * undefined when every non-optional reference resolves.
 */
export function containerConfigError(
  store: ObjectStore,
  pod: KubeObject,
  container: ContainerSpec,
): string | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  for (const from of container.envFrom ?? []) {
    const ref = from.secretRef ?? from.configMapRef;
    if (!ref?.name) continue;
    const src: Source = {
      kind: from.secretRef ? 'Secret' : 'ConfigMap',
      name: ref.name,
      optional: Boolean(ref.optional),
    };
    if (!lookup(store, ns, src) && !src.optional) return notFound(src);
  }
  for (const env of container.env ?? []) {
    const ref = env.valueFrom?.secretKeyRef ?? env.valueFrom?.configMapKeyRef;
    if (!ref?.name) continue;
    const src: Source = {
      kind: env.valueFrom.secretKeyRef ? 'Secret' : 'ConfigMap',
      name: ref.name,
      optional: Boolean(ref.optional),
    };
    const obj = lookup(store, ns, src);
    if (src.optional) continue;
    if (!obj) return notFound(src);
    if (!hasKey(obj, ref.key)) return `couldn't find key ${ref.key} in ${src.kind} ${ns}/${src.name}`;
  }
  return undefined;
}

function volumeSources(volume: any): { source: Source; items: { key: string }[] }[] {
  const out: { source: Source; items: { key: string }[] }[] = [];
  const add = (kind: Source['kind'], ref: any, nameField: string) => {
    if (ref?.[nameField])
      out.push({
        source: { kind, name: ref[nameField], optional: Boolean(ref.optional) },
        items: ref.items ?? [],
      });
  };
  add('ConfigMap', volume.configMap, 'name');
  add('Secret', volume.secret, 'secretName');
  for (const p of volume.projected?.sources ?? []) {
    add('ConfigMap', p.configMap, 'name');
    add('Secret', p.secret, 'name');
  }
  return out;
}

/** The first volume the kubelet cannot set up: `MountVolume.SetUp failed for volume "cfg" : configmap "x" not found`. */
export function volumeMountError(store: ObjectStore, pod: KubeObject): string | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  for (const volume of pod.spec?.volumes ?? []) {
    for (const { source, items } of volumeSources(volume)) {
      const obj = lookup(store, ns, source);
      if (source.optional) continue;
      const prefix = `MountVolume.SetUp failed for volume "${volume.name}" : `;
      if (!obj) return prefix + notFound(source);
      const missing = items.find((i) => !hasKey(obj, i.key));
      if (missing) {
        return `${prefix}${source.kind === 'Secret' ? 'secret' : 'configmap'} references non-existent config key: ${missing.key}`;
      }
    }
  }
  return undefined;
}

/** The kubelet's mount timeout message for claims that are not Bound yet, or undefined when all are. */
export function unboundClaimError(store: ObjectStore, pod: KubeObject): string | undefined {
  const unbound = (pod.spec?.volumes ?? []).filter((v: any) => {
    const claim = v.persistentVolumeClaim?.claimName;
    return claim && store.get(PVCS, pod.metadata.namespace, claim)?.status?.phase !== 'Bound';
  });
  if (!unbound.length) return undefined;
  const names = unbound.map((v: any) => v.name).join(' ');
  return `Unable to attach or mount volumes: unmounted volumes=[${names}], unattached volumes=[${names}]: timed out waiting for the condition`;
}
