import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from './wire.ts';

export interface PvcSummary {
  namespace: string;
  name: string;
  /** `Bound`, `Pending`, `Lost`. */
  status: string;
  volume?: string;
  capacity?: string;
  requested?: string;
  accessModes: string[];
  storageClass?: string;
  createdAt?: string;
}

export function summarizePvc(pvc: PersistentVolumeClaim): PvcSummary {
  return {
    namespace: pvc.metadata?.namespace ?? '',
    name: pvc.metadata?.name ?? '',
    status: pvc.status?.phase ?? 'Pending',
    volume: pvc.spec?.volumeName || undefined,
    capacity: pvc.status?.capacity?.storage,
    requested: pvc.spec?.resources?.requests?.storage,
    accessModes: pvc.spec?.accessModes ?? [],
    storageClass: pvc.spec?.storageClassName,
    createdAt: pvc.metadata?.creationTimestamp,
  };
}

export interface PvSummary {
  name: string;
  capacity?: string;
  status: string;
  claim?: string;
  storageClass?: string;
  reclaimPolicy?: string;
  createdAt?: string;
}

export const summarizePv = (pv: PersistentVolume): PvSummary => ({
  name: pv.metadata?.name ?? '',
  capacity: pv.spec?.capacity?.storage,
  status: pv.status?.phase ?? '',
  claim: pv.spec?.claimRef ? `${pv.spec.claimRef.namespace}/${pv.spec.claimRef.name}` : undefined,
  storageClass: pv.spec?.storageClassName,
  reclaimPolicy: pv.spec?.persistentVolumeReclaimPolicy,
  createdAt: pv.metadata?.creationTimestamp,
});

export interface StorageClassSummary {
  name: string;
  provisioner: string;
  isDefault: boolean;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
}

export const summarizeStorageClass = (sc: StorageClass): StorageClassSummary => ({
  name: sc.metadata?.name ?? '',
  provisioner: sc.provisioner,
  isDefault: sc.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
  reclaimPolicy: sc.reclaimPolicy,
  volumeBindingMode: sc.volumeBindingMode,
});
