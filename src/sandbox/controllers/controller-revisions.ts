import type { ObjectStore } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import { CONTROLLER_REVISIONS } from './kinds.ts';
import { controllerRefTo, isControlledBy } from './object-utils.ts';
import { stableStringify, templateHash } from './template-hash.ts';

export const REVISION_HASH_LABEL = 'controller-revision-hash';

const revisionNumber = (cr: KubeObject) => (cr.revision as number) ?? 0;

/** The pod template a ControllerRevision recorded (its data is a strategic-merge patch replacing the template). */
export function templateOf(cr: KubeObject | undefined): any {
  const template = structuredClone((cr?.data as any)?.spec?.template ?? {});
  delete template.$patch;
  return template;
}

export interface Revisions {
  /** The revision matching the owner's current template. */
  update: KubeObject;
  all: KubeObject[];
}

/**
 * The StatefulSet/DaemonSet history: one ControllerRevision `<owner>-<hash>` per distinct pod
 * template. A template equal to an older revision's (`kubectl rollout undo`) reuses it, with its
 * revision number moved to the top, as the real controllers do. Old revisions beyond
 * revisionHistoryLimit that no pod uses are pruned.
 */
export function syncControllerRevisions(
  store: ObjectStore,
  owner: KubeObject,
  owned: KubeObject[],
  inUse: Set<string>,
): Revisions {
  const template = owner.spec?.template ?? {};
  const hash = templateHash(template);
  const name = `${owner.metadata.name}-${hash}`;
  let all = owned
    .filter((cr) => isControlledBy(cr, owner))
    .sort((a, b) => revisionNumber(a) - revisionNumber(b));
  const max = all.length ? revisionNumber(all[all.length - 1]) : 0;
  let update = all.find((cr) => stableStringify(templateOf(cr)) === stableStringify(template));
  if (!update) {
    update = store.create(CONTROLLER_REVISIONS, {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name,
        namespace: owner.metadata.namespace,
        labels: { ...(owner.spec?.selector?.matchLabels ?? {}), 'controller.kubernetes.io/hash': hash },
        ...(owner.metadata.annotations?.['kubernetes.io/change-cause']
          ? {
              annotations: {
                'kubernetes.io/change-cause': owner.metadata.annotations['kubernetes.io/change-cause'],
              },
            }
          : {}),
        ownerReferences: [controllerRefTo(owner)],
      },
      data: { spec: { template: { ...structuredClone(template), $patch: 'replace' } } },
      revision: max + 1,
    });
    all = [...all, update];
  } else if (revisionNumber(update) < max) {
    update = store.mutate(CONTROLLER_REVISIONS, update.metadata.namespace, update.metadata.name, (draft) => {
      draft.revision = max + 1;
    });
    all = [...all.filter((cr) => cr.metadata.name !== update!.metadata.name), update];
  }
  const limit = owner.spec?.revisionHistoryLimit ?? 10;
  const prunable = all.filter((cr) => cr !== update && !inUse.has(cr.metadata.name));
  for (const cr of prunable.slice(0, Math.max(0, prunable.length - limit))) {
    store.delete(CONTROLLER_REVISIONS, cr.metadata.namespace, cr.metadata.name);
    all = all.filter((x) => x !== cr);
  }
  return { update, all };
}

/** The revision name a pod was created from (its controller-revision-hash label). */
export const podRevision = (pod: KubeObject) => pod.metadata.labels?.[REVISION_HASH_LABEL];
