import { findByKind, findStoredKind, type ResourceType } from '../core/resources.ts';
import type { KubeObject, OwnerReference } from '../core/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { deletePodGracefully } from './pod-utils.ts';
import { WorkQueue } from './work-queue.ts';

const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';
const RECHECK_MS = 1_000;

const typeOf = (ref: { apiVersion: string; kind: string }): ResourceType | undefined =>
  findByKind(ref.apiVersion, ref.kind) ?? findStoredKind(ref.kind);

/**
 * The garbage collector: when an owner goes, its dependents (by ownerReference uid) go too —
 * recursively, as each deletion is itself an owner going — unless another owner of theirs still
 * exists, in which case only the dangling reference is dropped. Owners deleted with
 * propagationPolicy Foreground (finalizer foregroundDeletion) wait for their dependents; Orphan
 * (finalizer orphan) releases them.
 */
export const garbageCollector: Controller = {
  name: 'garbage-collector',
  start({ cluster, index }: ControllerContext) {
    const { store, clock } = cluster;
    /** Objects waiting on their finalizer, by uid: what to look up when their dependents change. */
    const finalizing = new Map<string, { rt: ResourceType; namespace?: string; name: string }>();
    const queue = new WorkQueue('garbage-collector', clock, sync);

    function ownerExists(ref: OwnerReference, dependent: KubeObject): boolean {
      const rt = typeOf(ref);
      if (!rt) return false;
      return (
        store.get(rt, rt.namespaced ? dependent.metadata.namespace : undefined, ref.name)?.metadata.uid ===
        ref.uid
      );
    }

    function deleteObject(obj: KubeObject): void {
      const rt = typeOf(obj);
      if (!rt || obj.metadata.deletionTimestamp) return;
      if (rt.kind === 'Pod') deletePodGracefully(store, obj);
      else store.delete(rt, obj.metadata.namespace, obj.metadata.name);
    }

    function collectDependents(ownerUid: string): void {
      for (const dependent of index.dependents(ownerUid)) {
        const others = (dependent.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
        if (others.some((r) => ownerExists(r, dependent))) {
          const rt = typeOf(dependent);
          if (rt) {
            store.mutate(rt, dependent.metadata.namespace, dependent.metadata.name, (draft) => {
              draft.metadata.ownerReferences = draft.metadata.ownerReferences?.filter(
                (r) => r.uid !== ownerUid,
              );
            });
          }
        } else deleteObject(dependent);
      }
    }

    function finalize(uid: string): void {
      const ref = finalizing.get(uid);
      const obj = ref ? store.get(ref.rt, ref.namespace, ref.name) : undefined;
      if (!ref || !obj || obj.metadata.uid !== uid) {
        finalizing.delete(uid);
        return;
      }
      const finalizers = obj.metadata.finalizers ?? [];
      const dependents = index.dependents(uid);
      if (finalizers.includes(ORPHAN)) {
        for (const dependent of dependents) {
          const rt = typeOf(dependent);
          if (!rt) continue;
          store.mutate(rt, dependent.metadata.namespace, dependent.metadata.name, (draft) => {
            draft.metadata.ownerReferences = draft.metadata.ownerReferences?.filter((r) => r.uid !== uid);
          });
        }
      } else if (finalizers.includes(FOREGROUND) && dependents.length) {
        for (const dependent of dependents) deleteObject(dependent);
        queue.addAfter(`fin:${uid}`, RECHECK_MS);
        return;
      }
      const remaining = finalizers.filter((f) => f !== ORPHAN && f !== FOREGROUND);
      finalizing.delete(uid);
      if (remaining.length) {
        store.mutate(ref.rt, ref.namespace, ref.name, (draft) => {
          draft.metadata.finalizers = remaining;
        });
      } else store.delete(ref.rt, ref.namespace, ref.name);
    }

    function sync(key: string): void {
      if (key.startsWith('owner:')) collectDependents(key.slice('owner:'.length));
      else if (key.startsWith('fin:')) finalize(key.slice('fin:'.length));
    }

    const unsubscribe = store.subscribe(({ type, rt, object }) => {
      if (rt.kind === 'Event') return;
      const uid = object.metadata.uid ?? '';
      if (type === 'DELETED') {
        queue.add(`owner:${uid}`);
        for (const owner of object.metadata.ownerReferences ?? [])
          if (finalizing.has(owner.uid)) queue.add(`fin:${owner.uid}`);
        return;
      }
      const finalizers = object.metadata.finalizers ?? [];
      if (
        object.metadata.deletionTimestamp &&
        (finalizers.includes(FOREGROUND) || finalizers.includes(ORPHAN))
      ) {
        finalizing.set(uid, { rt, namespace: object.metadata.namespace, name: object.metadata.name });
        queue.add(`fin:${uid}`);
      }
    });
    return () => {
      unsubscribe();
      queue.stop();
    };
  },
};
