import type { ResourceValues, Segment } from '../segment.ts';
import { take } from '../segment.ts';

const NUM = '(-?\\d+(?:\\.\\d+)?)';

/** P99 → 0.99, p99.9 → 0.999, 95分位 → 0.95, 百分之99 (→ 99%) 分位 → 0.99, median / 中位数 → 0.5. */
function quantile(seg: Segment): void {
  const set = (digits: string) => {
    const [whole, fraction = ''] = digits.split('.');
    const q = Number(`0.${whole.padStart(2, '0')}${fraction}`);
    if (!(q > 0 && q < 1) || seg.slots.quantile !== undefined) return false;
    seg.slots.quantile = q;
  };
  take(seg, /(?<![\w-])t?p(\d{1,2}(?:\.\d+)?|\d{3,4})(?![\w-])/, (m) => set(m.low(1)!));
  take(
    seg,
    /(?<![\w.-])(\d{1,2}(?:\.\d+)?)\s*(?:%|th|st|nd|rd)?\s*(?:percentile|pctl|分位数?|分位值|分位线|分位|线)|(\d{1,2}(?:\.\d+)?)\s*%\s*(?=的?\s*(?:延迟|延时|latency|响应时间))/,
    (m) => set((m.low(1) ?? m.low(2))!),
  );
  take(seg, /(?<![\w-])quantile\s*[=:]?\s*(0?\.\d+)/, (m) => set(m.low(1)!.replace(/^0?\./, '')));
  take(seg, /(?<![\w-])median(?![\w-])|中位数?|中位值/, () => set('50'));
}

const MEMORY_UNITS: Record<string, string> = { k: 'Ki', m: 'Mi', g: 'Gi', t: 'Ti' };

/** 512Mi, 1Gi, 2G, 1.5GB → Kubernetes memory; 500m, 2 核, 0.5 cores → Kubernetes CPU. */
function resourceValues(seg: Segment): void {
  const cpuWord = /cpu|核|处理器/.test(seg.low);
  const memoryWord = /memory|mem|内存|ram/.test(seg.low);
  const setting = /limit|request|限制|请求|set|调|改|设|raise|increase|bump|提高|加|降/.test(seg.low);
  const put = (value: { cpu?: string; memory?: string }, at: number) => {
    const before = seg.low.slice(Math.max(0, at - 40), at);
    const limit = before.search(/limits?|限制|上限|(?<![\w-])limit/);
    const request = before.search(/requests?|请求|预留/);
    const target: ResourceValues =
      limit < 0 && request < 0 ? seg.slots.values : limit > request ? seg.slots.limits : seg.slots.requests;
    Object.assign(target, value);
  };
  take(
    seg,
    /(?<![\w-])(cpu|memory|mem)\s*[=:]\s*(\d+(?:\.\d+)?)\s*(m|ki|mi|gi|ti|k|g|t)?i?b?(?![\w-])/,
    (m) => {
      const [n, unit] = [m.low(2)!, m.low(3)];
      if (m.low(1) === 'cpu') return put({ cpu: unit === 'm' ? `${n}m` : n }, m.start);
      put({ memory: `${n}${MEMORY_UNITS[unit?.[0] ?? ''] ?? ''}` }, m.start);
    },
  );
  take(seg, /(?<![\w.-])(\d+(?:\.\d+)?)\s*(ki|mi|gi|ti|kib|mib|gib|tib|kb|mb|gb|tb|g)(?![\w-])/, (m) => {
    put({ memory: `${m.low(1)}${MEMORY_UNITS[m.low(2)![0]]}` }, m.start);
  });
  take(seg, /(?<![\w.-])(\d+(?:\.\d+)?)\s*(m)(?![\w-])/, (m) => {
    // An upper-case M is mega; a lower-case m is milli: millicores when CPU is talked about.
    const upper = m.raw(2) === 'M';
    if (upper || (memoryWord && !cpuWord && setting)) return put({ memory: `${m.low(1)}Mi` }, m.start);
    if (!cpuWord || !setting) return false;
    put({ cpu: `${m.low(1)}m` }, m.start);
  });
  take(
    seg,
    /(?<![\w.-])(\d+(?:\.\d+)?|半)\s*(?:个\s*)?(?:核|cores?|vcpus?|cpus?(?![\w-])|毫核|millicores?)/,
    (m) => {
      const milli = /毫核|millicore/.test(m.low()!);
      const n = m.low(1) === '半' ? 0.5 : Number(m.low(1));
      const cpu = milli ? `${n}m` : Number.isInteger(n) ? String(n) : `${Math.round(n * 1000)}m`;
      put({ cpu }, m.start);
    },
  );
}

/** Revision 3, 版本 3, 第 3 个版本, --to-revision=2; 上一个版本 / previous version → the one before. */
function revision(seg: Segment): void {
  take(
    seg,
    /(?:--to-revision|to-revision|revision|rev|版本号?|修订版本?)\s*(?:=|:|号|为|是)?\s*#?(\d+)|第\s*(\d+)\s*(?:个\s*)?(?:版本|版|revision)|(\d+)\s*号?\s*版本/,
    (m) => {
      seg.slots.revision = Number(m.low(1) ?? m.low(2) ?? m.low(3));
    },
  );
  take(
    seg,
    /(?:上|前)一?个?(?:版本|版|revision|修订)|之前的版本|上次的版本|(?<![\w-])(?:previous|prior|last\s+good|last)\s+(?:version|revision|release|rollout|deploy(?:ment)?)(?![\w-])/,
    () => {
      seg.slots.previousRevision = true;
    },
  );
}

/** --replicas=3, replicas to 3, 10 个副本, 副本数调成 4; "add 2 replicas" and 翻倍 are relative. */
function replicas(seg: Segment): void {
  const set = (n: string | undefined) => {
    if (n === undefined || seg.slots.replicas !== undefined) return false;
    seg.slots.replicas = Number(n);
  };
  take(seg, new RegExp(`--replicas(?:=|\\s+)${NUM}`), (m) => set(m.low(1)));
  take(
    seg,
    new RegExp(
      `(?:(?<![\\w-])(?:add|remove|by|another|more)\\s+|(?:增加|加|减少|减|多加|再加|多)\\s*)${NUM}\\s*(?:个\\s*)?(?:副本|实例|replicas?|instances?|pods?)?`,
    ),
    (m) => {
      if (/到|至|为|成/.test(m.low()!)) return false;
      seg.slots.relative = true;
    },
  );
  take(seg, /翻倍|加倍|(?<![\w-])double(?![\w-])|(?<![\w-])(?:half|halve)(?![\w-])|减半|(\d+)\s*倍/, () => {
    seg.slots.relative = true;
  });
  take(
    seg,
    new RegExp(`(?<![\\w.-])${NUM}\\s*(?:个\\s*)?(?:副本|实例|replicas?|instances?|copies|台)(?![\\w-])`),
    (m) => set(m.low(1)),
  );
  take(
    seg,
    new RegExp(
      `(?:replicas?|副本数?|实例数)\\s*(?:调整|调|改|设置|设|变)?\\s*(?:to|为|成|到|是|=|:)\\s*${NUM}`,
    ),
    (m) => set(m.low(1)),
  );
}

/** Drain and delete options, dry runs, "top 5", silence ids. */
function options(seg: Segment): void {
  const s = seg.slots;
  take(
    seg,
    /--ignore-daemonsets?|ignor\w*\s+(?:the\s+|all\s+)*(?:daemonsets?|ds)|忽略\s*(?:所有的?)?\s*(?:daemonsets?|ds|守护进程集?)|跳过\s*(?:daemonsets?|ds)/,
    () => {
      s.ignoreDaemonSets = true;
    },
  );
  take(
    seg,
    /--delete-(?:emptydir|local)-data|delete\s+(?:the\s+)?(?:emptydir|local)(?:\s+data)?|删除?\s*emptydir\s*(?:的)?\s*(?:数据)?|emptydir\s*(?:data|数据)/,
    () => {
      s.deleteEmptyDirData = true;
    },
  );
  take(seg, /--force(?![\w-])|强制/, () => {
    s.force = true;
  });
  take(
    seg,
    /(?:--grace-period|grace[\s-]*period|宽限期?|优雅(?:终止|退出)?(?:时间|期)?)\s*(?:=|:|为|of|to)?\s*(\d+)\s*(?:s|sec|secs|seconds?|秒)?(?![\w-])/,
    (m) => {
      s.gracePeriodSeconds = Number(m.low(1));
    },
  );
  take(seg, /--dry-run(?:=\w+)?|dry[\s-]?run|试运行|演练|预演|模拟(?:运行|执行)?/, () => {
    s.dryRun = true;
  });
  take(seg, /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/, (m) => {
    s.silenceId = m.low();
  });
  take(
    seg,
    /(?:(?<![\w-])(?:top|first|limit)|最多|前)\s*[=:]?\s*(\d+)(?!\s*(?:行|条|lines?|%|分钟|小时|秒|天|[smhdw](?![\w-])))/,
    (m) => {
      s.limit = Number(m.low(1));
    },
  );
}

export function extractQuantities(seg: Segment): void {
  options(seg);
  revision(seg);
  replicas(seg);
  quantile(seg);
  resourceValues(seg);
}
