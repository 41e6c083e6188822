// Every fault type through real clients: injected over HTTP, seen with kubectl and /metrics, not cleared
// by a tempting wrong fix, cleared by the right one — each in its own sandbox.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { requireBinary } from './helpers/binaries.ts';
import { kubectlFor, kubectlOk, renewTlsSecret } from './helpers/kubectl.ts';
import { type Sample, scrape, select, sum } from './helpers/metrics.ts';
import { until } from './helpers/poll.ts';
import { inProcessSandbox } from './helpers/sandbox.ts';

type Sandbox = Awaited<ReturnType<typeof inProcessSandbox>>;

interface Fault {
  id: string;
  status: 'active' | 'cleared';
  params: Record<string, string | number>;
}

class Harness {
  readonly ok: ReturnType<typeof kubectlOk>;
  fault!: Fault;
  constructor(readonly sandbox: Sandbox) {
    this.ok = kubectlOk(kubectlFor(sandbox.kubeconfig));
  }

  async json(args: string[]) {
    return JSON.parse(await this.ok([...args, '-o', 'json']));
  }

  async pods(ns: string, selector: string): Promise<any[]> {
    return (await this.json(['get', 'pods', '-n', ns, '-l', selector])).items;
  }

  async events(ns: string): Promise<any[]> {
    return (await this.json(['get', 'events', '-n', ns])).items;
  }

  async hasEvent(ns: string, reason: string, message: RegExp = /./) {
    return (await this.events(ns)).some((e) => e.reason === reason && message.test(e.message));
  }

  async logs(ns: string, pod: string, previous = false) {
    const r = await kubectlFor(this.sandbox.kubeconfig)([
      'logs',
      pod,
      '-n',
      ns,
      ...(previous ? ['--previous'] : []),
    ]);
    return r.code === 0 ? r.stdout : '';
  }

  async anyLogs(ns: string, selector: string, pattern: RegExp, previous = false) {
    for (const p of await this.pods(ns, selector))
      if (pattern.test(await this.logs(ns, p.metadata.name, previous))) return true;
    return false;
  }

  metrics(): Promise<Sample[]> {
    return scrape(this.sandbox.metrics);
  }

  /** Growth of a counter (summed over the matching series) across `ms` of wall time. */
  async growth(name: string, labels: Record<string, string | RegExp>, ms = 400) {
    const before = sum(select(await this.metrics(), name, labels));
    await new Promise((r) => setTimeout(r, ms));
    return sum(select(await this.metrics(), name, labels)) - before;
  }

  async status(): Promise<Fault> {
    const list = (await (await fetch(`${this.sandbox.server}/sandbox/v1/faults`)).json()) as {
      items: Fault[];
    };
    const fault = list.items.find((f) => f.id === this.fault.id);
    assert.ok(fault, `fault ${this.fault.id} is listed`);
    return fault;
  }
}

const waitingReason = (p: any) => p.status.containerStatuses?.[0]?.state?.waiting?.reason;
const lastTerminated = (p: any) => p.status.containerStatuses?.[0]?.lastState?.terminated?.reason;
const isReady = (p: any) => p.status.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True');

interface Case {
  type: string;
  namespace?: string;
  target?: string;
  params?: Record<string, unknown>;
  /** Resolves once the symptoms show in objects, events, logs and metrics. */
  symptoms(h: Harness): Promise<unknown>;
  wrongFix?: { run(h: Harness): Promise<unknown>; settled(h: Harness): Promise<unknown> };
  rightFix(h: Harness): Promise<unknown>;
}

/** The tempting fix of restarting: once the restart's ReplicaSet exists, it has had its chance. */
const restartLeavingNewReplicaSet = (name: string): Case['wrongFix'] => ({
  run: (h) => h.ok(['rollout', 'restart', `deployment/${name}`, '-n', PROD]),
  settled: async (h) => (await h.json(['get', 'rs', '-n', PROD, '-l', `app=${name}`])).items.length >= 3,
});

/** A restart waited out with `rollout status`; `mayStall` when the fault keeps the new pods unready. */
const restartAndWait = (name: string, { mayStall = false } = {}): Case['wrongFix'] => ({
  run: (h) => h.ok(['rollout', 'restart', `deployment/${name}`, '-n', PROD]),
  settled: (h) => {
    const status = h.ok(['rollout', 'status', `deployment/${name}`, '-n', PROD, '--timeout=60s'], {
      timeoutMs: 70_000,
    });
    return mayStall ? status.catch(() => true) : status;
  },
});

const PROD = 'production';

const CASES: Case[] = [
  {
    // api-service has an HPA that reverts a manual scale; web-frontend has none.
    type: 'crash_loop',
    namespace: PROD,
    target: 'deployment/web-frontend',
    symptoms: async (h) =>
      (await h.pods(PROD, 'app=web-frontend')).some((p) => waitingReason(p) === 'CrashLoopBackOff') &&
      (await h.hasEvent(PROD, 'BackOff', /Back-off restarting failed container/)) &&
      (await h.anyLogs(PROD, 'app=web-frontend', /\S/, true)) &&
      sum(
        select(await h.metrics(), 'kube_pod_container_status_restarts_total', {
          namespace: PROD,
          pod: /^web-frontend-/,
        }),
      ) > 0,
    wrongFix: {
      run: (h) => h.ok(['scale', 'deployment/web-frontend', '-n', PROD, '--replicas=3']),
      settled: async (h) => (await h.pods(PROD, 'app=web-frontend')).filter(isReady).length >= 1,
    },
    rightFix: (h) => h.ok(['rollout', 'restart', 'deployment/web-frontend', '-n', PROD]),
  },
  {
    type: 'oom',
    namespace: PROD,
    target: 'deployment/payment-service',
    symptoms: async (h) =>
      (await h.pods(PROD, 'app=payment-service')).some((p) => lastTerminated(p) === 'OOMKilled') &&
      (await h.hasEvent(PROD, 'BackOff')) &&
      select(await h.metrics(), 'kube_pod_container_status_last_terminated_reason', {
        namespace: PROD,
        reason: 'OOMKilled',
      }).some((s) => s.value === 1),
    wrongFix: {
      run: (h) => h.ok(['rollout', 'restart', 'deployment/payment-service', '-n', PROD]),
      settled: async (h) => {
        const rs = (await h.json(['get', 'rs', '-n', PROD, '-l', 'app=payment-service'])).items;
        const newest = rs.sort(
          (a: any, b: any) =>
            Number(b.metadata.annotations['deployment.kubernetes.io/revision']) -
            Number(a.metadata.annotations['deployment.kubernetes.io/revision']),
        )[0];
        const hash = newest.metadata.labels['pod-template-hash'];
        return (await h.pods(PROD, `pod-template-hash=${hash}`)).some(
          (p) => lastTerminated(p) === 'OOMKilled',
        );
      },
    },
    rightFix: (h) =>
      h.ok(['set', 'resources', 'deployment/payment-service', '-n', PROD, '--limits=memory=2Gi']),
  },
  {
    type: 'image_pull',
    namespace: PROD,
    target: 'deployment/web-frontend',
    symptoms: async (h) =>
      (await h.pods(PROD, 'app=web-frontend')).some((p) =>
        ['ErrImagePull', 'ImagePullBackOff'].includes(waitingReason(p)),
      ) &&
      (await h.hasEvent(PROD, 'Failed', /Failed to pull image/)) &&
      select(await h.metrics(), 'kube_pod_container_status_waiting_reason', {
        namespace: PROD,
        reason: /ErrImagePull|ImagePullBackOff/,
      }).some((s) => s.value === 1),
    wrongFix: restartLeavingNewReplicaSet('web-frontend'),
    rightFix: (h) => h.ok(['rollout', 'undo', 'deployment/web-frontend', '-n', PROD, '--to-revision=1']),
  },
  {
    type: 'bad_release',
    namespace: PROD,
    target: 'deployment/api-service',
    symptoms: async (h) =>
      (await h.pods(PROD, 'app=api-service')).some((p) => waitingReason(p) === 'CrashLoopBackOff') &&
      (await h.anyLogs(PROD, 'app=api-service', /panic|fatal|error/i, true)) &&
      (await h.hasEvent(PROD, 'BackOff')),
    wrongFix: restartLeavingNewReplicaSet('api-service'),
    rightFix: (h) => h.ok(['rollout', 'undo', 'deployment/api-service', '-n', PROD, '--to-revision=1']),
  },
  {
    type: 'high_latency',
    namespace: PROD,
    target: 'deployment/checkout',
    symptoms: async (h) => {
      const slow = await h.growth('http_request_duration_seconds_bucket', {
        namespace: PROD,
        service: 'checkout',
        le: '+Inf',
      });
      const fast = await h.growth('http_request_duration_seconds_bucket', {
        namespace: PROD,
        service: 'checkout',
        le: '0.5',
      });
      return slow > 0 && fast / slow < 0.9;
    },
    wrongFix: restartAndWait('checkout'),
    rightFix: (h) => h.ok(['scale', 'deployment/checkout', '-n', PROD, '--replicas=8']),
  },
  {
    type: 'high_error_rate',
    namespace: PROD,
    target: 'deployment/api-service',
    symptoms: async (h) => {
      const errors = await h.growth('http_requests_total', {
        namespace: PROD,
        service: 'api-service',
        code: /^5/,
      });
      return errors > 0 && (await h.anyLogs(PROD, 'app=api-service', /500/));
    },
    wrongFix: restartAndWait('api-service'),
    rightFix: (h) => h.ok(['rollout', 'undo', 'deployment/api-service', '-n', PROD, '--to-revision=1']),
  },
  {
    type: 'memory_leak',
    namespace: PROD,
    target: 'deployment/checkout',
    params: { minutesToOom: 5 },
    symptoms: async (h) => {
      const working = async () =>
        sum(
          select(await h.metrics(), 'container_memory_working_set_bytes', {
            namespace: PROD,
            pod: /^checkout-/,
            container: 'checkout',
          }),
        );
      const before = await working();
      await new Promise((r) => setTimeout(r, 500));
      return (await working()) > before * 1.02;
    },
    wrongFix: {
      run: (h) => h.ok(['scale', 'deployment/checkout', '-n', PROD, '--replicas=4']),
      settled: async (h) => (await h.pods(PROD, 'app=checkout')).length === 4,
    },
    rightFix: (h) => h.ok(['rollout', 'restart', 'deployment/checkout', '-n', PROD]),
  },
  {
    type: 'cpu_saturation',
    namespace: PROD,
    target: 'deployment/payment-service',
    symptoms: async (h) =>
      (await h.growth('container_cpu_cfs_throttled_periods_total', {
        namespace: PROD,
        pod: /^payment-service-/,
      })) > 0,
    wrongFix: restartAndWait('payment-service'),
    rightFix: (h) => h.ok(['set', 'resources', 'deployment/payment-service', '-n', PROD, '--limits=cpu=8']),
  },
  {
    type: 'node_not_ready',
    target: 'node/node-2',
    symptoms: async (h) =>
      /^node-2\s+NotReady/m.test(await h.ok(['get', 'nodes'])) &&
      (await h.hasEvent('default', 'NodeNotReady')) &&
      select(await h.metrics(), 'kube_node_status_condition', {
        node: 'node-2',
        condition: 'Ready',
        status: 'unknown',
      }).some((s) => s.value === 1),
    wrongFix: {
      run: (h) => h.ok(['cordon', 'node-2']),
      settled: async (h) => /^node-2\s+NotReady,SchedulingDisabled/m.test(await h.ok(['get', 'nodes'])),
    },
    rightFix: (h) =>
      h.ok(['drain', 'node-2', '--ignore-daemonsets', '--delete-emptydir-data', '--force', '--timeout=90s'], {
        timeoutMs: 100_000,
      }),
  },
  {
    type: 'disk_pressure',
    target: 'node/node-1',
    symptoms: async (h) => {
      const node = await h.json(['get', 'node', 'node-1']);
      return (
        node.status.conditions.some((c: any) => c.type === 'DiskPressure' && c.status === 'True') &&
        node.spec.taints?.some((t: any) => t.key === 'node.kubernetes.io/disk-pressure') &&
        select(await h.metrics(), 'kube_node_status_condition', {
          node: 'node-1',
          condition: 'DiskPressure',
          status: 'true',
        }).some((s) => s.value === 1)
      );
    },
    wrongFix: {
      run: (h) => h.ok(['cordon', 'node-1']),
      settled: async (h) => /^node-1\s+\S*SchedulingDisabled/m.test(await h.ok(['get', 'nodes'])),
    },
    rightFix: (h) =>
      h.ok(['drain', 'node-1', '--ignore-daemonsets', '--delete-emptydir-data', '--force', '--timeout=90s'], {
        timeoutMs: 100_000,
      }),
  },
  {
    type: 'pvc_full',
    namespace: PROD,
    target: 'statefulset/postgres',
    symptoms: async (h) => {
      const m = await h.metrics();
      const used = sum(
        select(m, 'kubelet_volume_stats_used_bytes', {
          namespace: PROD,
          persistentvolumeclaim: /postgres-0$/,
        }),
      );
      const capacity = sum(
        select(m, 'kubelet_volume_stats_capacity_bytes', {
          namespace: PROD,
          persistentvolumeclaim: /postgres-0$/,
        }),
      );
      return (
        used / capacity > 0.95 && (await h.anyLogs(PROD, 'app=postgres', /No space left on device/, true))
      );
    },
    wrongFix: {
      run: (h) => h.ok(['delete', 'pod', 'postgres-0', '-n', PROD]),
      settled: async (h) =>
        (await h.pods(PROD, 'app=postgres')).some((p) => p.status.containerStatuses?.[0]?.restartCount >= 1),
    },
    rightFix: async (h) => {
      const pvc = (await h.json(['get', 'pvc', '-n', PROD])).items.find((p: any) =>
        p.metadata.name.endsWith('postgres-0'),
      );
      return h.ok([
        'patch',
        'pvc',
        pvc.metadata.name,
        '-n',
        PROD,
        '-p',
        '{"spec":{"resources":{"requests":{"storage":"100Gi"}}}}',
      ]);
    },
  },
  {
    type: 'db_connections_exhausted',
    namespace: PROD,
    target: 'statefulset/postgres',
    symptoms: async (h) => {
      const m = await h.metrics();
      const active = sum(select(m, 'pg_stat_activity_count', { namespace: PROD }));
      const max = Math.max(
        ...select(m, 'pg_settings_max_connections', { namespace: PROD }).map((s) => s.value),
      );
      // PostgreSQL keeps superuser_reserved_connections (3) back: clients are refused a few short of max.
      return (
        active >= max - 3 &&
        (await h.anyLogs(PROD, `app=${h.fault.params.client}`, /too many clients|remaining connection slots/))
      );
    },
    wrongFix: {
      run: (h) => h.ok(['delete', 'pod', 'postgres-0', '-n', PROD]),
      settled: async (h) => (await h.pods(PROD, 'app=postgres')).some(isReady),
    },
    rightFix: (h) => h.ok(['rollout', 'restart', `deployment/${h.fault.params.client}`, '-n', PROD]),
  },
  {
    type: 'dns_failure',
    namespace: 'kube-system',
    target: 'deployment/coredns',
    symptoms: async (h) =>
      (await h.pods('kube-system', 'k8s-app=kube-dns')).every((p) => !isReady(p)) &&
      (await h.anyLogs(PROD, 'app=api-service', /lookup|EAI_AGAIN|name resolution/i)),
    wrongFix: restartAndWait('api-service', { mayStall: true }),
    rightFix: (h) => h.ok(['rollout', 'restart', 'deployment/coredns', '-n', 'kube-system']),
  },
  {
    type: 'cert_expired',
    namespace: PROD,
    target: 'secret/api-tls',
    symptoms: async (h) => {
      const expiry = select(await h.metrics(), 'certmanager_certificate_expiration_timestamp_seconds', {
        namespace: PROD,
      });
      return (
        expiry.some((s) => s.value * 1000 < Date.now()) &&
        (await h.anyLogs(PROD, 'app=api-service', /x509|bad certificate|certificate has expired/))
      );
    },
    wrongFix: restartAndWait('api-service', { mayStall: true }),
    rightFix: (h) =>
      renewTlsSecret(h.ok, h.sandbox.dir, {
        namespace: PROD,
        secret: 'api-tls',
        host: 'api.shop.example.com',
      }),
  },
];

const needs = requireBinary('kubectl').skip || requireBinary('openssl').skip;

describe('every fault through real clients', { skip: needs, concurrency: 2 }, () => {
  for (const c of CASES) {
    test(`${c.type}: symptoms, a wrong fix that does not clear it, the right fix that does`, async () => {
      const sandbox = await inProcessSandbox({ speed: 20 });
      const h = new Harness(sandbox);
      try {
        await until(
          'the estate to be ready',
          async () => (await h.pods(PROD, 'app=api-service')).filter(isReady).length === 3,
          { timeoutMs: 30_000 },
        );
        const res = await fetch(`${sandbox.server}/sandbox/v1/faults`, {
          method: 'POST',
          body: JSON.stringify({ type: c.type, namespace: c.namespace, target: c.target, params: c.params }),
        });
        assert.equal(res.status, 201, await res.clone().text());
        h.fault = (await res.json()) as Fault;
        await until(`${c.type} symptoms`, () => c.symptoms(h), { timeoutMs: 40_000, intervalMs: 200 });
        assert.equal((await h.status()).status, 'active');
        if (c.wrongFix) {
          await c.wrongFix.run(h);
          await until(`the wrong fix for ${c.type} to take effect`, () => c.wrongFix!.settled(h), {
            timeoutMs: 60_000,
            intervalMs: 200,
          });
          await until(`${c.type} symptoms after the wrong fix`, () => c.symptoms(h), {
            timeoutMs: 40_000,
            intervalMs: 200,
          });
          assert.equal((await h.status()).status, 'active', `a wrong fix must not clear ${c.type}`);
        }
        await c.rightFix(h);
        await until(
          `${c.type} to be cleared by the right fix`,
          async () => (await h.status()).status === 'cleared',
          { timeoutMs: 90_000, intervalMs: 200 },
        );
      } finally {
        await sandbox.stop();
      }
    });
  }
});
