import { pick } from '../noise.ts';
import { klog } from './format.ts';
import type { AppContext, AppProfile, Crash, Problem, StartFailure } from './types.ts';

/** CoreDNS as kube-dns: its plugins log in brackets; the Kubernetes client underneath logs klog lines. */

export const coredns: AppProfile = {
  name: 'coredns',
  protocol: 'dns',
  matches: (image) => /coredns/.test(image),
  warmupSeconds: 1,
  idleCpuCores: 0.004,
  baseMemoryBytes: 22 * 2 ** 20,
  cpuPerRequest: 0.0001,
  capacityRps: 10_000,
  latencySeconds: 0.0005,
  logPeriodSeconds: 0,

  startLines: (app) => [
    '.:53',
    '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908',
    `CoreDNS-${app.version.replace(/^v/, '')}`,
    'linux/amd64, go1.21.11, a6338e9',
  ],

  crash: (_app: AppContext, _at: number, why: StartFailure): Crash => ({
    exitCode: 1,
    runSeconds: 1,
    lines: [
      why === 'bad-release'
        ? "/etc/coredns/Corefile:12 - Error during parsing: Unknown directive 'kubernetes_v2'"
        : 'plugin/loop: Loop (127.0.0.1:37812 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 4547991504243258144.3688648895315093531."',
    ],
  }),

  routineLines: () => [],

  problemLine(app: AppContext, at: number, seq: number, problem: Problem): string | undefined {
    if (problem.kind !== 'api-unreachable') return undefined;
    if (seq % 2 === 0) return '[INFO] plugin/ready: Still waiting on: "kubernetes"';
    const kind = ['*v1.EndpointSlice', '*v1.Service', '*v1.Namespace'][pick(`${app.seed}/${seq}`, 3)];
    const path =
      kind === '*v1.EndpointSlice'
        ? '/apis/discovery.k8s.io/v1/endpointslices'
        : kind === '*v1.Service'
          ? '/api/v1/services'
          : '/api/v1/namespaces';
    return `${klog('W', at)} reflector.go:539] pkg/mod/k8s.io/client-go@v0.29.3/tools/cache/reflector.go:229: failed to list ${kind}: Get "https://10.96.0.1:443${path}?limit=500&resourceVersion=0": dial tcp 10.96.0.1:443: i/o timeout`;
  },
};
