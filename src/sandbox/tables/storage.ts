import type { KubeObject } from '../core/types.ts';
import { AGE, column, NAME, quantity, since, wide } from './format.ts';
import type { Printer } from './types.ts';

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, whatever order they were given in. */
function accessModes(modes: string[] | undefined): string {
  const short: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return short
    .filter(([mode]) => modes?.includes(mode))
    .map(([, abbreviation]) => abbreviation)
    .join(',');
}

/** The beta annotation still wins over spec.storageClassName, as in GetPersistentVolume(Claim)Class. */
const storageClass = (obj: KubeObject): string =>
  obj.metadata.annotations?.[BETA_CLASS] ?? obj.spec?.storageClassName ?? '';

const phase = (obj: KubeObject): string =>
  obj.metadata.deletionTimestamp ? 'Terminating' : (obj.status?.phase ?? 'Pending');

export const persistentVolumeClaimPrinter: Printer = {
  kinds: ['PersistentVolumeClaim'],
  columns: [
    NAME,
    column('Status', 'phase represents the current phase of PersistentVolumeClaim.'),
    column('Volume', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    column('Capacity', 'capacity represents the actual resources of the underlying volume.'),
    column('Access Modes', 'accessModes contains the actual access modes the volume backing the PVC has.'),
    column('StorageClass', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pvc'),
    AGE,
    wide('VolumeMode', 'volumeMode defines what type of volume is required by the claim.'),
  ],
  cells(pvc, now) {
    const spec = pvc.spec ?? {};
    const bound = Boolean(spec.volumeName);
    return [
      pvc.metadata.name,
      phase(pvc),
      spec.volumeName ?? '',
      bound ? quantity(pvc.status?.capacity?.storage) : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      storageClass(pvc),
      spec.volumeAttributesClassName ?? '<unset>',
      since(pvc.metadata.creationTimestamp, now),
      spec.volumeMode ?? 'Filesystem',
    ];
  },
};

export const persistentVolumePrinter: Printer = {
  kinds: ['PersistentVolume'],
  columns: [
    NAME,
    column('Capacity', "capacity is the description of the persistent volume's resources and capacity."),
    column('Access Modes', 'accessModes contains all ways the volume can be mounted.'),
    column(
      'Reclaim Policy',
      'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.',
    ),
    column('Status', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
    column(
      'Claim',
      'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.',
    ),
    column('StorageClass', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pv'),
    column(
      'Reason',
      'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.',
    ),
    AGE,
    wide(
      'VolumeMode',
      'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.',
    ),
  ],
  cells(pv, now) {
    const spec = pv.spec ?? {};
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    return [
      pv.metadata.name,
      quantity(spec.capacity?.storage),
      accessModes(spec.accessModes),
      spec.persistentVolumeReclaimPolicy ?? 'Retain',
      phase(pv),
      claim,
      storageClass(pv),
      spec.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      since(pv.metadata.creationTimestamp, now),
      spec.volumeMode ?? 'Filesystem',
    ];
  },
};

export const storageClassPrinter: Printer = {
  kinds: ['StorageClass'],
  columns: [
    NAME,
    column('Provisioner', 'provisioner indicates the type of the provisioner.'),
    column(
      'ReclaimPolicy',
      'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.',
    ),
    column(
      'VolumeBindingMode',
      'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.',
    ),
    column(
      'AllowVolumeExpansion',
      'allowVolumeExpansion shows whether the storage class allow volume expand.',
    ),
    AGE,
  ],
  cells(sc, now) {
    const annotations = sc.metadata.annotations ?? {};
    const isDefault =
      annotations['storageclass.kubernetes.io/is-default-class'] === 'true' ||
      annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
    return [
      isDefault ? `${sc.metadata.name} (default)` : sc.metadata.name,
      String(sc.provisioner ?? ''),
      String(sc.reclaimPolicy ?? 'Delete'),
      String(sc.volumeBindingMode ?? 'Immediate'),
      sc.allowVolumeExpansion === true,
      since(sc.metadata.creationTimestamp, now),
    ];
  },
};
