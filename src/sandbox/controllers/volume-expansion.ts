import { parseQuantity } from '../../kube/quantity.ts';
import type { SimClock } from '../core/clock.ts';
import { recordEvent } from '../core/events.ts';
import type { ObjectStore } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import { PVCS, PVS } from './kinds.ts';
import { type Condition, findCondition } from './object-utils.ts';

const STEP_MS = 2_000;

/**
 * One step of a CSI volume expansion, as the resizer and kubelet report it: ExternalExpanding and
 * Resizing (condition Resizing), then the PV grows (FileSystemResizeRequired, condition
 * FileSystemResizePending), then the file system (FileSystemResizeSuccessful) and the claim's
 * capacity. The stage lives in the claim's status, so a restart resumes it. Returns how long
 * until the next step, or undefined when there is nothing to expand.
 */
export function expandClaim(
  { store, clock }: { store: ObjectStore; clock: SimClock },
  pvc: KubeObject,
): number | undefined {
  const wanted: string | undefined = pvc.spec?.resources?.requests?.storage;
  const current: string | undefined = pvc.status?.capacity?.storage;
  if (!wanted || (parseQuantity(wanted) ?? 0) <= (parseQuantity(current) ?? 0)) return undefined;
  const { namespace, name } = pvc.metadata;
  const pvName: string = pvc.spec.volumeName;
  const pv = store.get(PVS, undefined, pvName);
  const resizer = `external-resizer ${pv?.spec?.csi?.driver ?? pv?.metadata.annotations?.['pv.kubernetes.io/provisioned-by'] ?? 'csi'}`;
  const now = clock.now();
  const iso = clock.iso(now);
  const event = (reason: string, message: string, component: string) =>
    recordEvent(store, { involved: pvc, type: 'Normal', reason, message, component });
  const stage = pvc.status?.allocatedResourceStatuses?.storage;
  const conditions: Condition[] = pvc.status?.conditions ?? [];
  const since = Date.parse(
    (findCondition(conditions, 'Resizing') ?? findCondition(conditions, 'FileSystemResizePending'))
      ?.lastTransitionTime ?? '',
  );
  const writeStatus = (change: (status: any) => void) =>
    store.mutate(PVCS, namespace, name, (draft) => {
      draft.status = { ...draft.status };
      change(draft.status);
    });

  if (!stage) {
    event('ExternalExpanding', 'waiting for an external controller to expand this PVC', 'volume_expand');
    event('Resizing', `External resizer is resizing volume ${pvName}`, resizer);
    writeStatus((s) => {
      s.allocatedResources = { ...s.allocatedResources, storage: wanted };
      s.allocatedResourceStatuses = { storage: 'ControllerResizeInProgress' };
      s.conditions = [
        ...conditions.filter((c) => c.type !== 'Resizing'),
        { type: 'Resizing', status: 'True', lastProbeTime: null, lastTransitionTime: iso },
      ];
    });
    return STEP_MS;
  }
  if (!Number.isNaN(since) && now - since < STEP_MS) return STEP_MS - (now - since);
  if (stage === 'ControllerResizeInProgress') {
    if (pv && !store.isFrozen(pv)) {
      store.mutate(PVS, undefined, pvName, (draft) => {
        draft.spec.capacity = { ...draft.spec.capacity, storage: wanted };
      });
    }
    event('FileSystemResizeRequired', 'Require file system resize of volume on node', resizer);
    writeStatus((s) => {
      s.allocatedResourceStatuses = { storage: 'NodeResizePending' };
      s.conditions = [
        ...conditions.filter((c) => c.type !== 'Resizing' && c.type !== 'FileSystemResizePending'),
        {
          type: 'FileSystemResizePending',
          status: 'True',
          lastProbeTime: null,
          lastTransitionTime: iso,
          message: 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.',
        },
      ];
    });
    return STEP_MS;
  }
  const node =
    pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.[0]?.values?.[0] ?? '';
  event(
    'FileSystemResizeSuccessful',
    `MountVolume.NodeExpandVolume succeeded for volume "${pvName}" ${node}`.trimEnd(),
    'kubelet',
  );
  writeStatus((s) => {
    s.capacity = { ...s.capacity, storage: wanted };
    s.allocatedResources = { ...s.allocatedResources, storage: wanted };
    delete s.allocatedResourceStatuses;
    const rest = conditions.filter((c) => c.type !== 'Resizing' && c.type !== 'FileSystemResizePending');
    if (rest.length) s.conditions = rest;
    else delete s.conditions;
  });
  return undefined;
}
