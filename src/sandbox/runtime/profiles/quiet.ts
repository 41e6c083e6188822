import { klog } from './format.ts';
import type { AppContext, AppProfile, Crash, StartFailure } from './types.ts';

/**
 * Infrastructure agents (kube-proxy, CNI, exporters): they start, log a little, take no requests.
 * Chosen before the generic HTTP profile so they never print access logs.
 */
export const quiet: AppProfile = {
  name: 'quiet',
  protocol: 'none',
  matches: (image) =>
    /kube-proxy|calico|cilium|flannel|node-exporter|fluent|kube-state-metrics|csi/.test(image),
  warmupSeconds: 1,
  idleCpuCores: 0.003,
  baseMemoryBytes: 24 * 2 ** 20,
  cpuPerRequest: 0,
  capacityRps: 0,
  latencySeconds: 0,
  logPeriodSeconds: 0,

  startLines: (app, at) => [
    `${klog('I', at)} server.go:484] "Version info" version="${app.version}"`,
    `${klog('I', at + 5)} server.go:548] "Successfully retrieved node IP(s)" IPs=["${app.podIP}"]`,
    `${klog('I', at + 30)} shared_informer.go:320] Caches are synced`,
  ],

  crash: (app: AppContext, at: number, why: StartFailure): Crash => ({
    exitCode: 1,
    runSeconds: 1,
    lines: [
      `${klog('E', at)} run.go:74] "command failed" err="${why === 'disk-full' ? 'no space left on device' : `failed to start ${app.app}: invalid configuration`}"`,
    ],
  }),

  routineLines: () => [],
  problemLine: () => undefined,
};
