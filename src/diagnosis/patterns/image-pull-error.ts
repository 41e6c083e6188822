import type { Evidence } from '../evidence/evidence.ts';
import type { Pod } from '../evidence/shapes.ts';
import { describe, eventLine, finding, latestEvent, podNeeds, podRef } from '../finding.ts';
import { groupByWorkload, outageSeverity, type PodCase, podList, readiness } from '../signals/group.ts';
import { containersOf, isActive } from '../signals/pods.ts';
import { latestRelease } from '../signals/workloads.ts';
import type { Pattern } from '../types.ts';

const PULL_FAILURES = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'RegistryUnavailable',
]);

interface Pull {
  container: string;
  image: string;
  reason: string;
  message: string;
}

/** Why the registry refused, in plain words, from the kubelet's message. */
function classify(message: string, pod: Pod): { why: string; fix: string } {
  const m = message.toLowerCase();
  if (/invalid reference format|invalidimagename|couldn't parse image/.test(m))
    return { why: 'the image reference is not a valid name', fix: 'fix_image_reference' };
  if (/not found|manifest unknown|does not exist|404/.test(m) && !/pull access denied/.test(m))
    return { why: 'the tag (or image) does not exist in the registry', fix: 'fix_image_reference' };
  if (
    /unauthorized|authentication required|pull access denied|denied|403|401|no basic auth credentials/.test(m)
  ) {
    const secrets = (pod.spec.imagePullSecrets ?? []).map((s) => s.name);
    return {
      why: secrets.length
        ? `the registry refuses the credentials of imagePullSecrets ${secrets.join(', ')}`
        : 'the registry needs credentials and the pod has no imagePullSecrets',
      fix: 'fix_image_pull_secret',
    };
  }
  if (/no such host|i\/o timeout|connection refused|tls handshake timeout|dial tcp/.test(m))
    return { why: 'the registry cannot be reached from the node', fix: 'fix_image_reference' };
  if (/toomanyrequests|rate limit/.test(m))
    return { why: 'the registry rate-limits pulls from this node', fix: 'fix_image_pull_secret' };
  return { why: 'the image cannot be pulled', fix: 'fix_image_reference' };
}

/** The registry's answer: the newest "Failed to pull image" event, else the waiting message. */
const pullMessage = (ev: Evidence, pod: Pod, waitingMessage: string | undefined): string => {
  const failed = ev
    .eventsFor(podRef(pod))
    .findLast((e) => e.reason === 'Failed' && /^Failed to pull image/.test(e.message ?? ''));
  return failed?.message ?? waitingMessage ?? '';
};

export const imagePullError: Pattern = {
  id: 'image_pull_error',
  detect(ev) {
    const cases: PodCase<Pull>[] = [];
    for (const pod of ev.list('Pod')) {
      if (!isActive(pod)) continue;
      for (const { spec, status } of containersOf(pod)) {
        const waiting = status?.state?.waiting;
        if (!waiting?.reason || !PULL_FAILURES.has(waiting.reason)) continue;
        cases.push({
          pod,
          data: {
            container: spec.name,
            image: spec.image ?? status?.image ?? '?',
            reason: waiting.reason,
            message: pullMessage(ev, pod, waiting.message),
          },
        });
      }
    }
    return groupByWorkload(ev, cases, (c) => c.data.image).map(({ workload, cases: group }) => {
      const { pod, data } = group[0];
      const { why, fix } = classify(data.message, pod);
      const deployment =
        workload?.kind === 'Deployment' ? ev.get('Deployment', workload.namespace, workload.name) : undefined;
      const release = deployment ? latestRelease(ev, deployment) : undefined;
      const previousImage = release?.previous?.spec?.template?.spec?.containers?.find(
        (c: { name: string }) => c.name === data.container,
      )?.image;
      const rollback = previousImage && previousImage !== data.image;
      const others = group.length > 1 ? ` (also ${podList(group.slice(1))})` : '';
      const failed = ev
        .eventsFor(podRef(pod))
        .findLast((e) => e.reason === 'Failed' && /^Failed to pull image/.test(e.message ?? ''));
      const backoff = latestEvent(ev, podRef(pod), ['BackOff']);
      return finding(ev, {
        pattern: 'image_pull_error',
        severity: outageSeverity(ev, workload),
        resource: pod,
        workload,
        summary: `Pod ${pod.metadata.name}${others} cannot pull image ${data.image} (${data.reason})`,
        rootCause: `Image ${data.image} of container ${data.container} cannot be pulled: ${why}${
          data.message
            ? ` (${data.message.replace(/^Failed to pull image "[^"]+": /, '').slice(0, 220)})`
            : ''
        }.${rollback ? ` Revision ${release?.revision} changed the image from ${previousImage}, which pulls fine.` : ''}`,
        evidence: [
          `pod ${pod.metadata.name} container ${data.container}: waiting ${data.reason}`,
          failed && eventLine(ev, failed),
          backoff && eventLine(ev, backoff),
          release?.changeCause && `revision ${release.revision} change-cause: ${release.changeCause}`,
          rollback && `previous revision image: ${previousImage}`,
          readiness(ev, workload),
        ],
        whys: [
          `Why is ${describe(workload ?? podRef(pod))} not fully available? Pod ${pod.metadata.name} never starts.`,
          `Why does it not start? The kubelet cannot pull ${data.image} (${data.reason}).`,
          `Why can it not pull? ${why[0].toUpperCase()}${why.slice(1)}.`,
          ...(rollback
            ? [
                `Why now? Revision ${release?.revision} switched the image from ${previousImage} to ${data.image}.`,
              ]
            : []),
        ],
        runbook: rollback && fix === 'fix_image_reference' ? 'rollback_deployment' : fix,
        confidence: data.message ? 0.95 : 0.8,
        subjects: group.map((c) => podRef(c.pod)),
        needs: podNeeds(pod).filter((n) => n.kind === 'Node'),
      });
    });
  },
};
