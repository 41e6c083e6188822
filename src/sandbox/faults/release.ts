import type { ObjectStore } from '../core/store.ts';
import { bumpTag, imageTag, normalizeImage, withTag } from '../runtime/images.ts';
import { describeTarget } from './targets.ts';
import { badRequest, type Params, type Target } from './types.ts';
import { current, mainContainerOf, podsOf, rewriteMainContainer, workloadHealthy } from './workloads.ts';

export const IMAGE_PARAM = {
  name: 'image',
  type: 'string' as const,
  description: 'The image of the new release',
  default: 'the current image with its tag bumped (1.8.2 → 1.8.3)',
};

export interface Release {
  container: string;
  previous: string;
  image: string;
  /** Normalized reference, the key the runtime's effect tables use. */
  ref: string;
}

/** Rolls out a new image on the main container, as `kubectl set image` does. */
export function releaseImage(store: ObjectStore, target: Target, params: Params): Release {
  const main = mainContainerOf(target.object);
  const previous = String(main?.image ?? '');
  const image = String(params.image ?? withTag(previous, bumpTag(imageTag(previous))));
  if (normalizeImage(image) === normalizeImage(previous)) {
    throw badRequest(`${describeTarget(target)} already runs ${image}; pass a different image`);
  }
  rewriteMainContainer(
    store,
    target,
    `kubectl set image ${describeTarget(target)} ${main.name}=${image} --record=true`,
    (c) => {
      c.image = image;
    },
  );
  return { container: main.name, previous, image, ref: normalizeImage(image) };
}

/** No pod and not the template run the released image any more, and the workload is whole again. */
export function movedOff(store: ObjectStore, target: Target, ref: string): boolean {
  const usesIt = (c: any) => c && normalizeImage(String(c.image ?? '')) === ref;
  const obj = current(store, target);
  if (!obj || (obj.spec?.template?.spec?.containers ?? []).some(usesIt)) return false;
  if (podsOf(store, target).some((p) => (p.spec?.containers ?? []).some(usesIt))) return false;
  return workloadHealthy(store, target);
}
