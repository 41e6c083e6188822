import { parseQuantity } from '../../kube/quantity.ts';
import { rt } from '../core/resources.ts';
import { hash01, smoothNoise } from '../runtime/noise.ts';
import type { Collector } from './context.ts';
import { labels } from './exposition.ts';
import { runningContainers } from './usage.ts';

const GiB = 2 ** 30;
const SYSTEM_CPU = 0.12;
const SYSTEM_MEMORY = 1.4 * GiB;
const UPTIME_AT_FIRST_SCRAPE_S = 14 * 86_400;
const MODES = ['idle', 'iowait', 'irq', 'nice', 'softirq', 'steal', 'system', 'user'] as const;

/** node-exporter basics per node: CPU time, memory, root filesystem, load, boot time. */
export const nodeExporter: Collector = {
  name: 'node-exporter',
  collect(ctx, out) {
    const cpu = out.family('node_cpu_seconds_total', 'counter', 'Seconds the CPUs spent in each mode.');
    const memTotal = out.family(
      'node_memory_MemTotal_bytes',
      'gauge',
      'Memory information field MemTotal_bytes.',
    );
    const memAvailable = out.family(
      'node_memory_MemAvailable_bytes',
      'gauge',
      'Memory information field MemAvailable_bytes.',
    );
    const memFree = out.family(
      'node_memory_MemFree_bytes',
      'gauge',
      'Memory information field MemFree_bytes.',
    );
    const fsSize = out.family('node_filesystem_size_bytes', 'gauge', 'Filesystem size in bytes.');
    const fsAvail = out.family(
      'node_filesystem_avail_bytes',
      'gauge',
      'Filesystem space available to non-root users in bytes.',
    );
    const fsFree = out.family('node_filesystem_free_bytes', 'gauge', 'Filesystem free space in bytes.');
    const load1 = out.family('node_load1', 'gauge', '1m load average.');
    const load5 = out.family('node_load5', 'gauge', '5m load average.');
    const load15 = out.family('node_load15', 'gauge', '15m load average.');
    const boot = out.family('node_boot_time_seconds', 'gauge', 'Node boot time, in unixtime.');

    const busy = new Map<string, { cpu: number; memory: number; pods: Set<string> }>();
    for (const rc of runningContainers(ctx)) {
      const b = busy.get(rc.node) ?? { cpu: 0, memory: 0, pods: new Set<string>() };
      b.cpu += rc.demand.cpuCores;
      b.memory += rc.demand.memoryBytes;
      b.pods.add(rc.pod.metadata.uid ?? '');
      busy.set(rc.node, b);
    }
    const pressure = ctx.runtime?.effects.diskPressure;
    for (const node of ctx.store.list(rt('Node'))) {
      const name = node.metadata.name;
      if (ctx.unreachable(name)) continue;
      const l = labels({ instance: `${name}:9100`, node: name });
      const cores = Math.max(1, Math.round(parseQuantity(node.status?.capacity?.cpu) ?? 4));
      const b = busy.get(name) ?? { cpu: 0, memory: 0, pods: new Set() };
      const used = Math.min(cores, b.cpu + SYSTEM_CPU * (1 + 0.2 * smoothNoise(`${name}/sys`, ctx.now)));
      const perCpu = used / cores;
      const rates: Record<(typeof MODES)[number], number> = {
        idle: 1 - perCpu,
        iowait: perCpu * 0.02,
        irq: 0,
        nice: 0,
        softirq: perCpu * 0.02,
        steal: perCpu * 0.01,
        system: perCpu * 0.25,
        user: perCpu * 0.7,
      };
      for (let i = 0; i < cores; i++) {
        const r = MODES.map((m) => rates[m]);
        const c = ctx.counters.advance(`node/${name}/cpu${i}`, r, () =>
          r.map((x) => x * UPTIME_AT_FIRST_SCRAPE_S),
        );
        for (let j = 0; j < MODES.length; j++) cpu(`${l},cpu="${i}",mode="${MODES[j]}"`, c[j]);
      }
      const total = parseQuantity(node.status?.capacity?.memory) ?? 16 * GiB;
      const available = Math.max(0, total - SYSTEM_MEMORY - b.memory);
      memTotal(l, total);
      memAvailable(l, Math.round(available));
      memFree(l, Math.round(available * 0.55));
      const disk = parseQuantity(node.status?.capacity?.['ephemeral-storage']) ?? 100 * GiB;
      const usedRatio = pressure?.has(name)
        ? 0.94 + 0.02 * hash01(`${name}/disk`)
        : 0.3 + 0.1 * hash01(`${name}/disk`) + 0.002 * b.pods.size;
      const fs = labels({ device: '/dev/nvme0n1p1', fstype: 'ext4', mountpoint: '/' });
      fsSize(`${l},${fs}`, disk);
      fsAvail(`${l},${fs}`, Math.round(disk * (1 - usedRatio)));
      fsFree(`${l},${fs}`, Math.round(disk * (1.05 - usedRatio)));
      load1(l, Number((used * (1 + 0.1 * smoothNoise(`${name}/load1`, ctx.now, 60_000))).toFixed(2)));
      load5(l, Number((used * (1 + 0.05 * smoothNoise(`${name}/load5`, ctx.now, 300_000))).toFixed(2)));
      load15(l, Number(used.toFixed(2)));
      boot(l, Math.floor(ctx.now / 1000 - UPTIME_AT_FIRST_SCRAPE_S - 3600 * hash01(`${name}/boot`)));
    }
  },
};
