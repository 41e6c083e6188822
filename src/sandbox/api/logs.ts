import type { Cluster } from '../core/cluster.ts';
import { badRequest, invalid, type StatusCause } from '../core/errors.ts';
import type { LogLine } from '../core/logs.ts';
import type { ResourceType } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { invalidValue } from './causes.ts';
import { isRecord } from './decode.ts';
import { queryBool, queryInt, type RequestContext, sendText } from './http.ts';
import { getStored, methodNotAllowed } from './object-handlers.ts';

const FOLLOW_POLL_MS = 200;

interface LogOptions {
  container?: string;
  previous: boolean;
  follow: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: number;
  limitBytes?: number;
}

function logOptionsOf(query: URLSearchParams): LogOptions {
  const options: LogOptions = {
    container: query.get('container') || undefined,
    previous: queryBool(query, 'previous'),
    follow: queryBool(query, 'follow'),
    timestamps: queryBool(query, 'timestamps'),
    tailLines: queryInt(query, 'tailLines'),
    sinceSeconds: queryInt(query, 'sinceSeconds'),
    limitBytes: queryInt(query, 'limitBytes'),
  };
  const sinceTime = query.get('sinceTime');
  if (sinceTime) {
    options.sinceTime = Date.parse(sinceTime);
    if (Number.isNaN(options.sinceTime)) {
      throw badRequest(`sinceTime: parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse`);
    }
  }
  const causes: StatusCause[] = [];
  if (options.tailLines !== undefined && options.tailLines < 0) {
    causes.push(invalidValue('tailLines', options.tailLines, 'must be greater than or equal to 0'));
  }
  if (options.sinceSeconds !== undefined && options.sinceSeconds < 1) {
    causes.push(invalidValue('sinceSeconds', options.sinceSeconds, 'must be greater than 0'));
  }
  if (options.limitBytes !== undefined && options.limitBytes < 1) {
    causes.push(invalidValue('limitBytes', options.limitBytes, 'must be greater than 0'));
  }
  if (options.sinceSeconds !== undefined && options.sinceTime !== undefined) {
    causes.push({ message: 'at most one of sinceTime or sinceSeconds may be specified' });
  }
  if (causes.length) throw invalid('PodLogOptions', '', causes);
  return options;
}

const namesOf = (list: unknown): string[] =>
  Array.isArray(list) ? list.filter(isRecord).map((c) => String(c.name)) : [];

function containerOf(pod: KubeObject, requested: string | undefined): string {
  const name = pod.metadata.name;
  const containers = namesOf(pod.spec?.containers);
  const init = namesOf(pod.spec?.initContainers);
  if (requested) {
    if ([...containers, ...init, ...namesOf(pod.spec?.ephemeralContainers)].includes(requested))
      return requested;
    throw badRequest(`container ${requested} is not valid for pod ${name}`);
  }
  if (containers.length === 1) return containers[0];
  const initPart = init.length ? ` or one of the init containers: [${init.join(' ')}]` : '';
  throw badRequest(
    `a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]${initPart}`,
  );
}

function containerStatus(pod: KubeObject, container: string) {
  const statuses = [
    ...(Array.isArray(pod.status?.containerStatuses) ? pod.status.containerStatuses : []),
    ...(Array.isArray(pod.status?.initContainerStatuses) ? pod.status.initContainerStatuses : []),
  ];
  return statuses.find((s) => isRecord(s) && s.name === container);
}

/** The lines the kubelet would serve, or the 400 it answers for a container with no such log, in its words. */
function linesOf(cluster: Cluster, pod: KubeObject, container: string, previous: boolean): LogLine[] {
  const { namespace = '', name } = pod.metadata;
  const status = containerStatus(pod, container);
  const current = cluster.logs.read(namespace, name, container, false);
  const crashed = Boolean(status?.lastState?.terminated) && !status?.state?.running;
  if (previous) {
    const lines = cluster.logs.read(namespace, name, container, true);
    if (lines) return lines;
    // Between a crash and the restart the crashed instance is still the "current" one.
    if (crashed && current) return current;
    throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
  }
  const waiting = status?.state?.waiting;
  if (waiting && !status?.lastState?.terminated) {
    const reason =
      waiting.reason === 'ErrImagePull'
        ? "image can't be pulled"
        : waiting.reason === 'ImagePullBackOff'
          ? 'trying and failing to pull image'
          : (waiting.reason ?? 'ContainerCreating');
    throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${reason}`);
  }
  if (!status && !current) {
    // A pod no node has taken yet has no kubelet to ask: the real server streams nothing.
    if (!pod.spec?.nodeName) return [];
    throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ContainerCreating`);
  }
  return current ?? [];
}

/** RFC3339Nano as the kubelet prints `--timestamps`: nine fractional digits. */
const timestampOf = (ms: number) => `${new Date(ms).toISOString().slice(0, 23)}000000Z`;

const render = (lines: LogLine[], timestamps: boolean) =>
  lines.map((l) => (timestamps ? `${timestampOf(l.time)} ${l.text}\n` : `${l.text}\n`)).join('');

export function handleLog(
  ctx: RequestContext,
  rt: ResourceType,
  namespace: string | undefined,
  name: string,
): void {
  if (ctx.method !== 'GET') throw methodNotAllowed();
  const options = logOptionsOf(ctx.query);
  const pod = getStored(ctx, rt, namespace, name);
  const container = containerOf(pod, options.container);
  const all = linesOf(ctx.cluster, pod, container, options.previous);
  const since =
    options.sinceSeconds !== undefined
      ? ctx.cluster.clock.now() - options.sinceSeconds * 1000
      : options.sinceTime;
  let lines = since === undefined ? all : all.filter((l) => l.time >= since);
  if (options.tailLines !== undefined) lines = options.tailLines === 0 ? [] : lines.slice(-options.tailLines);
  let text = render(lines, options.timestamps);
  let budget = options.limitBytes ?? Number.POSITIVE_INFINITY;
  if (Buffer.byteLength(text) > budget) text = Buffer.from(text).subarray(0, budget).toString('utf8');
  budget -= Buffer.byteLength(text);
  if (!options.follow || options.previous || budget <= 0) {
    sendText(ctx.res, 200, text);
    return;
  }
  follow(ctx, rt, pod, container, all, text, budget, options.timestamps);
}

/** Streams new lines until the client goes away, the pod is deleted or the container restarts. */
function follow(
  ctx: RequestContext,
  rt: ResourceType,
  pod: KubeObject,
  container: string,
  seen: LogLine[],
  initial: string,
  budget: number,
  timestamps: boolean,
): void {
  const { res, cluster } = ctx;
  const { namespace = '', name, uid } = pod.metadata;
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache, private' });
  res.write(initial);
  let source = cluster.logs.read(namespace, name, container, false);
  let lastTime = seen.length ? seen[seen.length - 1].time : Number.NEGATIVE_INFINITY;
  let atLastTime = seen.filter((l) => l.time === lastTime).length;
  let remaining = budget;
  const timer = setInterval(() => {
    const current = cluster.logs.read(namespace, name, container, false);
    const alive = cluster.store.get(rt, namespace, name)?.metadata.uid === uid;
    if (!alive || (source !== undefined && current !== source)) return stop();
    source = current;
    if (!current?.length) return;
    let start = current.length;
    while (start > 0 && current[start - 1].time > lastTime) start--;
    let equal = 0;
    while (start - equal > 0 && current[start - equal - 1].time === lastTime) equal++;
    const fresh = current.slice(start - Math.max(0, equal - atLastTime));
    if (!fresh.length) return;
    lastTime = fresh[fresh.length - 1].time;
    atLastTime = current.filter((l) => l.time === lastTime).length;
    let chunk = render(fresh, timestamps);
    if (Buffer.byteLength(chunk) >= remaining)
      chunk = Buffer.from(chunk).subarray(0, remaining).toString('utf8');
    remaining -= Buffer.byteLength(chunk);
    res.write(chunk);
    if (remaining <= 0) stop();
  }, FOLLOW_POLL_MS);
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    res.end();
  };
  res.on('close', () => clearInterval(timer));
}
