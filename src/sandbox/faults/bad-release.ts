import { IMAGE_PARAM, movedOff, releaseImage } from './release.ts';
import { describeTarget } from './targets.ts';
import type { FaultType } from './types.ts';

/** A release whose binary panics at start: the new ReplicaSet crash-loops while the old one keeps serving. */
export const badRelease: FaultType = {
  name: 'bad_release',
  description:
    'A new revision (bumped image tag, change-cause recorded) crashes at start; rollout stuck at the new ReplicaSet.',
  targets: ['deployment'],
  params: [IMAGE_PARAM],
  inject(ctx, target, params) {
    const { store } = ctx.cluster;
    const release = releaseImage(store, target, params);
    ctx.runtime.effects.crashingImages.set(release.ref, 'bad-release');
    return {
      params: { image: release.image },
      symptoms: `Pods of the new revision of ${describeTarget(target)} (${release.image}) crash at start ("panic: runtime error: invalid memory address or nil pointer dereference", exit code 2) and go into CrashLoopBackOff; the rollout stalls.`,
      fix: `Roll back to the previous revision (kubectl rollout undo ${describeTarget(target)} -n ${target.namespace}), which runs ${release.previous}. A restart keeps the bad image and does not help.`,
      isCleared: () => movedOff(store, target, release.ref),
      remove: () => ctx.runtime.effects.crashingImages.delete(release.ref),
    };
  },
};
