import { parseQuantity } from '../../kube/quantity.ts';
import { recordEvent } from '../core/events.ts';
import type { KubeObject } from '../core/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { PVCS, PVS, STORAGE_CLASSES } from './kinds.ts';
import { writeStatus } from './object-utils.ts';
import { expandClaim } from './volume-expansion.ts';
import { objectKey, splitKey, WorkQueue } from './work-queue.ts';

const COMPONENT = 'persistentvolume-controller';
const PROVISION_MS = 2_000;
const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const RELEASES = '#releases';

const requestOf = (pvc: KubeObject): string => pvc.spec?.resources?.requests?.storage ?? '1Gi';

/**
 * The PV controller and a dynamic provisioner: claims of an existing (or the default)
 * StorageClass get a provisioned PV `pvc-<uid>` bound both ways; a missing class leaves the
 * claim Pending with ProvisioningFailed; WaitForFirstConsumer classes wait for the scheduler's
 * selected node; deleting a claim releases (or, with Delete, removes) its volume. Expansion is
 * handed to volume-expansion.ts.
 */
export const persistentVolumeController: Controller = {
  name: 'persistent-volume',
  start({ cluster }: ControllerContext) {
    const { store, clock } = cluster;
    const queue = new WorkQueue('persistent-volume', clock, sync);
    const provisioningSince = new Map<string, number>();
    /** Claims deleted since the last pass; their volumes are released outside the listener. */
    const pendingReleases: KubeObject[] = [];

    function event(
      pvc: KubeObject,
      type: 'Normal' | 'Warning',
      reason: string,
      message: string,
      component = COMPONENT,
    ): void {
      recordEvent(store, { involved: pvc, type, reason, message, component });
    }

    function classOf(pvc: KubeObject): { name?: string; cls?: KubeObject } {
      const name = pvc.spec?.storageClassName;
      if (name !== undefined && name !== null)
        return { name, cls: name === '' ? undefined : store.get(STORAGE_CLASSES, undefined, name) };
      const cls = store
        .list(STORAGE_CLASSES)
        .find((c) => c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
      return { name: cls?.metadata.name, cls };
    }

    /** An Available PV of the claim's class, big enough, with the access modes asked for (smallest first). */
    function findStaticVolume(pvc: KubeObject, className: string | undefined): KubeObject | undefined {
      const wanted = parseQuantity(requestOf(pvc)) ?? 0;
      const modes: string[] = pvc.spec?.accessModes ?? [];
      return store
        .list(PVS)
        .filter((pv) => !pv.spec?.claimRef && (pv.status?.phase ?? 'Available') === 'Available')
        .filter((pv) => (pv.spec?.storageClassName ?? '') === (className ?? ''))
        .filter((pv) => (parseQuantity(pv.spec?.capacity?.storage) ?? 0) >= wanted)
        .filter((pv) => modes.every((m) => (pv.spec?.accessModes ?? []).includes(m)))
        .sort(
          (a, b) =>
            (parseQuantity(a.spec.capacity.storage) ?? 0) - (parseQuantity(b.spec.capacity.storage) ?? 0),
        )[0];
    }

    function bind(pvc: KubeObject, pv: KubeObject): void {
      const { namespace, name, uid } = pvc.metadata;
      const boundPv = store.mutate(PVS, undefined, pv.metadata.name, (draft) => {
        draft.spec.claimRef = {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          name,
          namespace,
          uid,
          resourceVersion: pvc.metadata.resourceVersion,
        };
        draft.status = { phase: 'Bound' };
      });
      store.mutate(PVCS, namespace, name, (draft) => {
        draft.spec.volumeName = boundPv.metadata.name;
        draft.metadata.annotations = {
          ...draft.metadata.annotations,
          'pv.kubernetes.io/bind-completed': 'yes',
          'pv.kubernetes.io/bound-by-controller': 'yes',
        };
        draft.status = {
          phase: 'Bound',
          accessModes: boundPv.spec.accessModes,
          capacity: { storage: boundPv.spec.capacity.storage },
        };
      });
    }

    function provision(pvc: KubeObject, cls: KubeObject, key: string): void {
      const { namespace, name, uid } = pvc.metadata;
      const provisioner: string = (cls.provisioner as string) ?? 'kubernetes.io/no-provisioner';
      const since = provisioningSince.get(uid ?? '');
      if (since === undefined) {
        provisioningSince.set(uid ?? '', clock.now());
        event(
          pvc,
          'Normal',
          'ExternalProvisioning',
          `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the external provisioner is running and correctly registered.`,
        );
        event(
          pvc,
          'Normal',
          'Provisioning',
          `External provisioner is provisioning volume for claim "${namespace}/${name}"`,
          provisioner,
        );
        store.mutate(PVCS, namespace, name, (draft) => {
          draft.metadata.annotations = {
            ...draft.metadata.annotations,
            'volume.beta.kubernetes.io/storage-provisioner': provisioner,
            'volume.kubernetes.io/storage-provisioner': provisioner,
          };
        });
        queue.addAfter(key, PROVISION_MS);
        return;
      }
      if (clock.now() - since < PROVISION_MS) {
        queue.addAfter(key, PROVISION_MS - (clock.now() - since));
        return;
      }
      provisioningSince.delete(uid ?? '');
      const node = pvc.metadata.annotations?.[SELECTED_NODE];
      const pvName = `pvc-${uid}`;
      const pv =
        store.get(PVS, undefined, pvName) ??
        store.create(PVS, {
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: { name: pvName, annotations: { 'pv.kubernetes.io/provisioned-by': provisioner } },
          spec: {
            accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'],
            capacity: { storage: requestOf(pvc) },
            persistentVolumeReclaimPolicy: cls.reclaimPolicy ?? 'Delete',
            storageClassName: cls.metadata.name,
            volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
            ...(node
              ? {
                  hostPath: {
                    path: `/var/local-path-provisioner/${pvName}_${namespace}_${name}`,
                    type: 'DirectoryOrCreate',
                  },
                  nodeAffinity: {
                    required: {
                      nodeSelectorTerms: [
                        {
                          matchExpressions: [
                            { key: 'kubernetes.io/hostname', operator: 'In', values: [node] },
                          ],
                        },
                      ],
                    },
                  },
                }
              : { csi: { driver: provisioner, volumeHandle: uid, fsType: 'ext4' } }),
          },
          status: { phase: 'Available' },
        });
      bind(store.mustGet(PVCS, namespace, name), pv);
      event(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`, provisioner);
    }

    function sync(key: string): void {
      if (key === RELEASES) {
        for (const pvc of pendingReleases.splice(0)) release(pvc);
        return;
      }
      const { namespace, name } = splitKey(key);
      const pvc = store.get(PVCS, namespace, name);
      if (!pvc || store.isFrozen(pvc) || pvc.metadata.deletionTimestamp) return;
      if (pvc.status?.phase === 'Bound' && pvc.spec?.volumeName) {
        const delay = expandClaim({ store, clock }, pvc);
        if (delay !== undefined) queue.addAfter(key, delay);
        return;
      }
      if (pvc.spec?.volumeName) {
        const pv = store.get(PVS, undefined, pvc.spec.volumeName);
        if (pv && (!pv.spec?.claimRef || pv.spec.claimRef.uid === pvc.metadata.uid)) bind(pvc, pv);
        return;
      }
      const { name: className, cls } = classOf(pvc);
      const existing = findStaticVolume(pvc, className);
      if (existing) {
        bind(pvc, existing);
        return;
      }
      if (pvc.status?.phase !== 'Pending') writeStatus(store, PVCS, pvc, { ...pvc.status, phase: 'Pending' });
      if (!cls) {
        const message = className
          ? `storageclass.storage.k8s.io "${className}" not found`
          : 'no persistent volumes available for this claim and no storage class is set';
        event(pvc, 'Warning', className ? 'ProvisioningFailed' : 'FailedBinding', message);
        return;
      }
      if (cls.volumeBindingMode === 'WaitForFirstConsumer' && !pvc.metadata.annotations?.[SELECTED_NODE]) {
        event(
          pvc,
          'Normal',
          'WaitForFirstConsumer',
          'waiting for first consumer to be created before binding',
        );
        return;
      }
      provision(pvc, cls, key);
    }

    /** A deleted claim releases its volume; the Delete reclaim policy removes it. */
    function release(pvc: KubeObject): void {
      for (const pv of store.list(PVS)) {
        if (pv.spec?.claimRef?.uid !== pvc.metadata.uid || store.isFrozen(pv)) continue;
        if ((pv.spec?.persistentVolumeReclaimPolicy ?? 'Delete') === 'Delete')
          store.delete(PVS, undefined, pv.metadata.name);
        else writeStatus(store, PVS, pv, { phase: 'Released' });
      }
    }

    const unsubscribe = store.subscribe(({ type, rt, object }) => {
      if (rt.kind === 'PersistentVolumeClaim') {
        if (type !== 'DELETED') queue.add(objectKey(object.metadata.namespace, object.metadata.name));
        else {
          pendingReleases.push(object);
          queue.add(RELEASES);
        }
      } else if (rt.kind === 'StorageClass' && type !== 'DELETED') {
        for (const pvc of store.list(PVCS))
          if (pvc.status?.phase !== 'Bound') queue.add(objectKey(pvc.metadata.namespace, pvc.metadata.name));
      }
    });
    for (const pvc of store.list(PVCS)) queue.add(objectKey(pvc.metadata.namespace, pvc.metadata.name));
    return () => {
      unsubscribe();
      queue.stop();
    };
  },
};
