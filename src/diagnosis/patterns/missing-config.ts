import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { Container, KeyedObject, Pod } from '../evidence/shapes.ts';
import { describe, eventLine, finding, latestEvent, podNeeds, podRef } from '../finding.ts';
import { groupByWorkload, outageSeverity, type PodCase, podList, readiness } from '../signals/group.ts';
import { MISSING_ENV, MISSING_FILE } from '../signals/log-patterns.ts';
import { matchLines, podLogLines, quote } from '../signals/logs.ts';
import { containersOf, isActive } from '../signals/pods.ts';
import type { ObjectRef, Pattern } from '../types.ts';

interface Missing {
  /** What is missing, as a key that groups pods: `Secret/db-creds/password`, `env/DATABASE_URL`. */
  key: string;
  container: string;
  cause: string;
  quoted: string;
  object?: ObjectRef;
  state: string;
}

const NOT_FOUND = /\b(secret|configmap)s? "([^"]+)" not found/i;
const NO_KEY = /couldn't find key (\S+) in (Secret|ConfigMap) ([^/\s]+)\/(\S+)/;
const NO_MOUNT_KEY = /volume "([^"]+)" : (secret|configmap) references non-existent config key: (\S+)/i;

const kindOf = (word: string) => (word.toLowerCase() === 'secret' ? 'Secret' : 'ConfigMap');

/** Which part of the pod spec points at a Secret or ConfigMap: `env DB_PASSWORD of container api`. */
function referrer(pod: Pod, kind: string, name: string): string {
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    for (const e of c.env ?? []) {
      const ref = kind === 'Secret' ? e.valueFrom?.secretKeyRef : e.valueFrom?.configMapKeyRef;
      if (ref?.name === name) return `env ${e.name} of container ${c.name} (key "${ref.key}")`;
    }
    for (const f of c.envFrom ?? []) {
      if ((kind === 'Secret' ? f.secretRef : f.configMapRef)?.name === name)
        return `envFrom of container ${c.name}`;
    }
  }
  const volume = (pod.spec.volumes ?? []).find(
    (v) => (kind === 'Secret' ? v.secret?.secretName : v.configMap?.name) === name,
  );
  return volume ? `volume "${volume.name}"` : 'the pod spec';
}

const keysOf = (ev: Evidence, kind: string, ns: string | undefined, name: string) =>
  (ev.get(kind, ns, name) as KeyedObject | undefined)?.keys;

/** The kubelet's own words: CreateContainerConfigError, or a FailedMount event. */
function fromKubelet(
  ev: Evidence,
  pod: Pod,
  container: string,
  message: string,
  state: string,
): Missing | undefined {
  const ns = pod.metadata.namespace;
  let m = NO_KEY.exec(message);
  if (m) {
    const [, key, word, , name] = m;
    const kind = kindOf(word);
    const keys = keysOf(ev, kind, ns, name);
    return {
      key: `${kind}/${name}/${key}`,
      container,
      object: { kind, namespace: ns, name },
      cause: `${kind} "${name}" has no key "${key}", which ${referrer(pod, kind, name)} requires${keys ? ` (it has: ${keys.join(', ') || 'no keys'})` : ''}`,
      quoted: message,
      state,
    };
  }
  m = NO_MOUNT_KEY.exec(message);
  if (m) {
    const [, volume, word, key] = m;
    const kind = kindOf(word);
    const v = pod.spec.volumes?.find((x) => x.name === volume);
    const name = (kind === 'Secret' ? v?.secret?.secretName : v?.configMap?.name) ?? volume;
    return {
      key: `${kind}/${name}/${key}`,
      container,
      object: { kind, namespace: ns, name },
      cause: `${kind} "${name}" has no key "${key}", which volume "${volume}" mounts`,
      quoted: message,
      state,
    };
  }
  m = NOT_FOUND.exec(message);
  if (m) {
    const kind = kindOf(m[1]);
    const name = m[2];
    return {
      key: `${kind}/${name}`,
      container,
      object: { kind, namespace: ns, name },
      cause: `${kind} "${name}" does not exist in namespace ${ns}; ${referrer(pod, kind, name)} references it`,
      quoted: message,
      state,
    };
  }
  return undefined;
}

const sets = (c: Container, name: string) => (c.env ?? []).some((e) => e.name === name);

/** The program says a variable or file is missing (it then exits). */
function fromLogs(ev: Evidence, pod: Pod): Missing | undefined {
  const lines = podLogLines(ev, pod);
  const env = matchLines(lines, MISSING_ENV)[0];
  if (env) {
    const name = env.match[1];
    const c = pod.spec.containers.find((x) => x.name === env.line.container) ?? pod.spec.containers[0];
    const fromSources = (c.envFrom ?? [])
      .map((f) => f.secretRef?.name ?? f.configMapRef?.name)
      .filter(Boolean);
    return {
      key: `env/${name}`,
      container: env.line.container,
      cause: `the program requires ${/^[A-Z0-9_]+$/.test(name) ? 'environment variable' : 'setting'} ${name}, which container ${c.name} does not get (${
        sets(c, name)
          ? 'it is set but empty'
          : fromSources.length
            ? `not in its env nor in ${fromSources.join(', ')}`
            : 'not in its env'
      })`,
      quoted: env.line.text,
      state: 'crashes at start',
    };
  }
  for (const hit of matchLines(lines, MISSING_FILE)) {
    const path = hit.match[1];
    const c = pod.spec.containers.find((x) => x.name === hit.line.container) ?? pod.spec.containers[0];
    const mount = (c.volumeMounts ?? [])
      .filter((vm) => path.startsWith(vm.mountPath))
      .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
    const volume = mount && pod.spec.volumes?.find((v) => v.name === mount.name);
    const source = volume?.configMap?.name
      ? { kind: 'ConfigMap', name: volume.configMap.name }
      : volume?.secret?.secretName
        ? { kind: 'Secret', name: volume.secret.secretName }
        : undefined;
    if (!source && !/\.(ya?ml|json|conf|cfg|ini|toml|properties|env|pem|crt|key)$/.test(path)) continue;
    const keys = source && keysOf(ev, source.kind, pod.metadata.namespace, source.name);
    return {
      key: `file/${path}`,
      container: hit.line.container,
      object: source && { ...source, namespace: pod.metadata.namespace },
      cause: source
        ? `file ${path} is missing: volume "${mount?.name}" at ${mount?.mountPath} comes from ${source.kind} "${source.name}"${keys ? `, which holds ${keys.join(', ') || 'no keys'}` : ''}`
        : `configuration file ${path} is missing from the container (no volume provides it)`,
      quoted: hit.line.text,
      state: 'crashes at start',
    };
  }
  return undefined;
}

export const missingConfig: Pattern = {
  id: 'missing_config',
  detect(ev) {
    const cases: PodCase<Missing>[] = [];
    for (const pod of ev.list('Pod')) {
      if (!isActive(pod)) continue;
      let found: Missing | undefined;
      for (const { spec, status } of containersOf(pod)) {
        const w = status?.state?.waiting;
        if (w?.reason === 'CreateContainerConfigError' && w.message)
          found ??= fromKubelet(ev, pod, spec.name, w.message, w.reason);
      }
      const mount = latestEvent(ev, podRef(pod), ['FailedMount']);
      if (!found && mount?.message && pod.status?.phase === 'Pending')
        found = fromKubelet(ev, pod, pod.spec.containers[0]?.name ?? '', mount.message, 'ContainerCreating');
      const restarting = containersOf(pod).some(
        (c) => (c.status?.restartCount ?? 0) > 0 || c.status?.state?.waiting?.reason === 'CrashLoopBackOff',
      );
      if (!found && restarting) found = fromLogs(ev, pod);
      if (found) cases.push({ pod, data: found });
    }
    return groupByWorkload(ev, cases, (c) => c.data.key).map(({ workload, cases: group }) => {
      const { pod, data } = group[0];
      const others = group.length > 1 ? ` (also ${podList(group.slice(1))})` : '';
      const mount = latestEvent(ev, podRef(pod), ['FailedMount', 'Failed']);
      const what = data.object
        ? `${data.object.kind} ${data.object.name}`
        : data.key.replace(/^(env|file)\//, '');
      return finding(ev, {
        pattern: 'missing_config',
        severity: outageSeverity(ev, workload),
        resource: pod,
        workload,
        summary: `Pod ${pod.metadata.name}${others} cannot run: missing configuration ${what}`,
        rootCause: `${data.cause[0].toUpperCase()}${data.cause.slice(1)}.`,
        evidence: [
          `pod ${pod.metadata.name} container ${data.container}: ${data.state}`,
          data.state === 'crashes at start' ? `log: ${quote(data.quoted)}` : `kubelet: ${data.quoted}`,
          mount && eventLine(ev, mount),
          readiness(ev, workload),
        ],
        whys: [
          `Why is ${describe(workload ?? refOf(pod))} not running? Pod ${pod.metadata.name} ${data.state === 'crashes at start' ? 'crashes at start' : `is stuck in ${data.state}`}.`,
          `Why? ${data.state === 'crashes at start' ? `The program stops: "${quote(data.quoted, 160)}"` : `The kubelet cannot build the container: ${data.quoted}`}.`,
          `Why? ${data.cause[0].toUpperCase()}${data.cause.slice(1)}.`,
        ],
        runbook: 'create_missing_config',
        confidence: data.state === 'crashes at start' ? 0.8 : 0.95,
        subjects: [...group.map((c) => podRef(c.pod)), ...(data.object ? [data.object] : [])],
        needs: podNeeds(pod).filter((n) => n.kind === 'Node'),
      });
    });
  },
};
