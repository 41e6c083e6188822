import { randomSuffix } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import {
  type Backend,
  backendsFor,
  endpointSubsets,
  groupByPorts,
  sliceEndpoints,
} from './endpoint-backends.ts';
import { ENDPOINT_SLICES, ENDPOINTS, SERVICES } from './kinds.ts';
import { controllerRefTo, sameJson } from './object-utils.ts';
import { isPodReady } from './pod-utils.ts';
import { matchesLabels } from './selectors.ts';
import { objectKey, splitKey, WorkQueue } from './work-queue.ts';

const SERVICE_NAME = 'kubernetes.io/service-name';
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

const managedSelector = (svc: KubeObject): Record<string, string> | undefined =>
  svc.spec?.type === 'ExternalName' || !svc.spec?.selector || !Object.keys(svc.spec.selector).length
    ? undefined
    : svc.spec.selector;

/**
 * The endpoints and endpointslice controllers: for every Service with a selector, an Endpoints
 * object (ready pods in addresses, others in notReadyAddresses, targetPorts resolved by name or
 * number) and EndpointSlices `<svc>-<5 chars>`. A frozen Endpoints object is left as it is.
 */
export const endpointsController: Controller = {
  name: 'endpoints',
  start({ cluster, index }: ControllerContext) {
    const { store, clock } = cluster;
    /** Selectors of managed services by namespace, and the pods each service last listed. */
    const selectors = new Map<string, Map<string, Record<string, string>>>();
    const members = new Map<string, Set<string>>();
    const slicesOf = new Map<string, Set<string>>();
    const queue = new WorkQueue('endpoints', clock, sync);

    function sync(key: string): void {
      const { namespace, name } = splitKey(key);
      const svc = store.get(SERVICES, namespace, name);
      const selector = svc ? managedSelector(svc) : undefined;
      if (!svc || !selector || svc.metadata.deletionTimestamp) {
        members.delete(key);
        const endpoints = store.get(ENDPOINTS, namespace, name);
        if (!svc && endpoints && !store.isFrozen(endpoints)) store.delete(ENDPOINTS, namespace, name);
        if (!svc) for (const slice of slicesOf.get(key) ?? []) deleteSlice(namespace, slice);
        return;
      }
      const pods = index
        .podsInNamespace(namespace ?? 'default')
        .filter((p) => matchesLabels(selector, p.metadata.labels));
      members.set(key, new Set(pods.map((p) => objectKey(p.metadata.namespace, p.metadata.name))));
      const backends = backendsFor(svc, pods);
      syncEndpoints(svc, endpointSubsets(svc, backends));
      syncSlices(svc, key, groupByPorts(backends));
    }

    function syncEndpoints(svc: KubeObject, subsets: any[]): void {
      const { namespace, name } = svc.metadata;
      const existing = store.get(ENDPOINTS, namespace, name);
      if (existing && store.isFrozen(existing)) return;
      const labels = { ...(svc.metadata.labels ?? {}) };
      if (
        existing &&
        sameJson(existing.subsets ?? [], subsets) &&
        sameJson(existing.metadata.labels ?? {}, labels)
      )
        return;
      const metadata = { name, namespace, labels, annotations: { [TRIGGER_TIME]: clock.iso() } };
      if (!existing) {
        store.create(ENDPOINTS, {
          apiVersion: 'v1',
          kind: 'Endpoints',
          metadata,
          ...(subsets.length ? { subsets } : {}),
        });
        return;
      }
      store.mutate(ENDPOINTS, namespace, name, (draft) => {
        draft.metadata.labels = labels;
        draft.metadata.annotations = { ...draft.metadata.annotations, [TRIGGER_TIME]: clock.iso() };
        if (subsets.length) draft.subsets = subsets;
        else delete draft.subsets;
      });
    }

    function syncSlices(svc: KubeObject, key: string, groups: Map<string, Backend[]>): void {
      const { namespace, name } = svc.metadata;
      const existing = [...(slicesOf.get(key) ?? [])]
        .map((n) => store.get(ENDPOINT_SLICES, namespace, n))
        .filter((s): s is KubeObject => s !== undefined);
      if (existing.some((s) => store.isFrozen(s))) return;
      const desired = [...groups].map(([ports, group]) => ({
        ports: JSON.parse(ports),
        endpoints: sliceEndpoints(group),
      }));
      if (desired.length === 0) desired.push({ ports: undefined, endpoints: [] });
      const unused = [...existing];
      const labels = {
        ...(svc.metadata.labels ?? {}),
        [SERVICE_NAME]: name,
        [MANAGED_BY]: 'endpointslice-controller.k8s.io',
      };
      for (const want of desired) {
        const i = unused.findIndex((s) => sameJson(s.ports, want.ports));
        const slice = i >= 0 ? unused.splice(i, 1)[0] : unused.shift();
        if (!slice) {
          store.create(ENDPOINT_SLICES, {
            apiVersion: 'discovery.k8s.io/v1',
            kind: 'EndpointSlice',
            metadata: {
              name: `${name}-${randomSuffix()}`,
              generateName: `${name}-`,
              namespace,
              labels,
              annotations: { [TRIGGER_TIME]: clock.iso() },
              ownerReferences: [controllerRefTo(svc)],
            },
            addressType: 'IPv4',
            endpoints: want.endpoints,
            ...(want.ports ? { ports: want.ports } : {}),
          });
        } else if (
          !sameJson(slice.endpoints, want.endpoints) ||
          !sameJson(slice.ports, want.ports) ||
          !sameJson(slice.metadata.labels, labels)
        ) {
          store.mutate(ENDPOINT_SLICES, namespace, slice.metadata.name, (draft) => {
            draft.metadata.labels = labels;
            draft.metadata.annotations = { ...draft.metadata.annotations, [TRIGGER_TIME]: clock.iso() };
            draft.endpoints = want.endpoints;
            if (want.ports) draft.ports = want.ports;
            else delete draft.ports;
          });
        }
      }
      for (const slice of unused) deleteSlice(namespace, slice.metadata.name);
    }

    function deleteSlice(namespace: string | undefined, name: string): void {
      const slice = store.get(ENDPOINT_SLICES, namespace, name);
      if (slice && !store.isFrozen(slice)) store.delete(ENDPOINT_SLICES, namespace, name);
    }

    /** What about a pod its endpoints show; other changes (restart counts, probe times…) need no resync. */
    const fingerprints = new Map<string, string>();
    function onPod(pod: KubeObject, removed: boolean): void {
      const ns = pod.metadata.namespace ?? 'default';
      const podKey = objectKey(ns, pod.metadata.name);
      const fingerprint = removed
        ? undefined
        : JSON.stringify([
            pod.metadata.labels,
            pod.status?.podIP,
            pod.status?.phase,
            isPodReady(pod),
            pod.metadata.deletionTimestamp,
            pod.spec?.nodeName,
            pod.spec?.hostname,
          ]);
      if (fingerprint === fingerprints.get(podKey)) return;
      if (fingerprint) fingerprints.set(podKey, fingerprint);
      else fingerprints.delete(podKey);
      for (const [svcName, selector] of selectors.get(ns) ?? []) {
        const key = objectKey(ns, svcName);
        if (matchesLabels(selector, pod.metadata.labels) || members.get(key)?.has(podKey)) queue.add(key);
      }
    }

    function trackSlice(slice: KubeObject, removed: boolean): void {
      const svcName = slice.metadata.labels?.[SERVICE_NAME];
      if (!svcName) return;
      const key = objectKey(slice.metadata.namespace, svcName);
      const set = slicesOf.get(key) ?? new Set<string>();
      if (removed) set.delete(slice.metadata.name);
      else set.add(slice.metadata.name);
      slicesOf.set(key, set);
    }

    function trackService(svc: KubeObject, removed: boolean): void {
      const ns = svc.metadata.namespace ?? 'default';
      const byName = selectors.get(ns) ?? new Map<string, Record<string, string>>();
      const selector = removed ? undefined : managedSelector(svc);
      if (selector) byName.set(svc.metadata.name, selector);
      else byName.delete(svc.metadata.name);
      selectors.set(ns, byName);
    }

    const unsubscribe = store.subscribe(({ type, rt, object }) => {
      const key = objectKey(object.metadata.namespace, object.metadata.name);
      if (rt.kind === 'Service') {
        trackService(object, type === 'DELETED');
        queue.add(key);
      } else if (rt.kind === 'Pod' && rt.group === '') onPod(object, type === 'DELETED');
      else if (rt.kind === 'EndpointSlice') trackSlice(object, type === 'DELETED');
      else if (rt.kind === 'Endpoints' && type === 'DELETED') queue.add(key);
    });
    for (const slice of store.list(ENDPOINT_SLICES)) trackSlice(slice, false);
    for (const svc of store.list(SERVICES)) {
      trackService(svc, false);
      queue.add(objectKey(svc.metadata.namespace, svc.metadata.name));
    }
    return () => {
      unsubscribe();
      queue.stop();
    };
  },
};
