import { IMAGE_PARAM, movedOff, releaseImage } from './release.ts';
import { describeTarget } from './targets.ts';
import type { FaultType } from './types.ts';

/** A release points at a tag the registry does not have: the new pods never start, the rollout stalls. */
export const imagePull: FaultType = {
  name: 'image_pull',
  description:
    'A new revision uses an image tag missing from the registry: ErrImagePull / ImagePullBackOff, rollout stuck.',
  targets: ['deployment'],
  params: [IMAGE_PARAM],
  inject(ctx, target, params) {
    const { store } = ctx.cluster;
    const release = releaseImage(store, target, params);
    ctx.runtime.effects.missingImages.add(release.ref);
    return {
      params: { image: release.image },
      symptoms: `New pods of ${describeTarget(target)} sit in ErrImagePull/ImagePullBackOff: "failed to pull and unpack image \\"${release.ref}\\": … not found"; the rollout does not progress (old replicas keep serving).`,
      fix: `Roll back (kubectl rollout undo ${describeTarget(target)} -n ${target.namespace}) or set an image that exists (e.g. ${release.previous}). Restarting or deleting pods does not help.`,
      isCleared: () => movedOff(store, target, release.ref),
      remove: () => ctx.runtime.effects.missingImages.delete(release.ref),
    };
  },
};
