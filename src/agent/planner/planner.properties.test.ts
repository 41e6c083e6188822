import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MUTATING_PLANNER_TOOLS, PLANNER_TOOLS, planOffline } from './index.ts';
import { assertValidCalls } from './table.ts';

const RUNS = { numRuns: 400, seed: 20_260_227 };

/** Words from every corner of the planner's vocabulary — none of them asks for a change. */
const READ_WORDS = [
  'show',
  'list',
  'get',
  'describe',
  'check',
  'why',
  'what',
  'how',
  'logs',
  'events',
  'history',
  'latency',
  'p99',
  'P95',
  '99分位',
  'error rate',
  'qps',
  'cpu',
  'memory',
  'usage',
  'top',
  'most',
  'compare',
  'yesterday',
  'pods',
  'po',
  'deploy',
  'svc',
  'ns',
  'nodes',
  'pvc',
  'hpa',
  'configmap',
  'secrets',
  'ingress',
  'cronjob',
  'namespace',
  '-n',
  '-A',
  'in',
  'the',
  'of',
  'for',
  'and',
  'then',
  'all',
  'every',
  'replicas',
  'revision',
  'previous',
  'tail',
  'grep',
  'container',
  'last',
  'lines',
  '2h',
  '30m',
  '5m',
  'alerts',
  'rules',
  'targets',
  '查看',
  '看看',
  '列出',
  '日志',
  '事件',
  '历史',
  '延迟',
  '错误率',
  '请求量',
  '使用率',
  '内存',
  '最耗',
  '为什么',
  '分析',
  '诊断',
  '所有',
  '命名空间',
  '节点',
  '服务',
  '部署',
  '副本',
  '版本',
  '最后',
  '行',
  '包含',
  '告警',
  '集群',
  '健康',
  '状态',
  '在',
  '的',
  '和',
  '然后',
  '并且',
  '，',
  '。',
  '？',
  '"',
  '=',
  ':',
  '10',
  '-3',
  '0',
  '十',
  '两',
  'production',
  'staging',
  'kube-system',
  'api-service',
  'web-frontend',
  'payment-service',
  'redis-0',
  'api-service-7d9f-abc12',
  'node-1',
  'worker-2',
  'app=web',
  'tier!=db',
  'namespace=shop',
  'rate(x[5m])',
];
const readText = fc
  .array(fc.constantFrom(...READ_WORDS), { minLength: 0, maxLength: 12 })
  .map((w) => w.join(' '));

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  readText,
);

const isMutating = (tool: string) => MUTATING_PLANNER_TOOLS.includes(tool);

describe('planOffline properties', () => {
  it('never throws; every call is a known tool with valid arguments, or there is a question', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const plan = planOffline(text);
        assert.ok(Array.isArray(plan.calls));
        for (const call of plan.calls) assert.ok(PLANNER_TOOLS.includes(call.tool), call.tool);
        assertValidCalls(plan);
        if (!plan.calls.length) assert.ok(plan.question && plan.question.length > 0);
      }),
      RUNS,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.constantFrom('team-a', 'production')), (text, ns) => {
        const options = { defaultNamespace: ns ?? undefined };
        assert.deepStrictEqual(planOffline(text, options), planOffline(text, options));
      }),
      RUNS,
    );
  });

  it('never plans a change for text without a word that asks for one', () => {
    fc.assert(
      fc.property(readText, (text) => {
        const changes = planOffline(text).calls.filter((c) => isMutating(c.tool));
        assert.deepStrictEqual(changes, [], text);
      }),
      RUNS,
    );
  });

  it('never plans a negative, fractional or huge replica count', () => {
    const scaleText = fc
      .tuple(
        fc.constantFrom(
          'scale api-service to',
          '将 api-service 扩展到',
          'kubectl scale deploy web --replicas=',
          '把 cart 缩容到',
        ),
        fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.double({ min: -50, max: 50, noNaN: true })),
        fc.constantFrom('', ' replicas', ' 个副本', ' pods', '个'),
      )
      .map(([head, n, tail]) => `${head}${head.endsWith('=') ? '' : ' '}${n}${tail}`);
    fc.assert(
      fc.property(scaleText, (text) => {
        for (const call of planOffline(text).calls.filter((c) => c.tool === 'deployments_scale')) {
          const replicas = call.args.replicas as number;
          assert.ok(Number.isInteger(replicas) && replicas >= 0 && replicas <= 1000, `${text} → ${replicas}`);
        }
      }),
      RUNS,
    );
  });

  it('never plans a change from pasted alert text, whatever it says', () => {
    const order = fc.constantFrom(
      'restart it',
      'delete pod payment-service-6b7c9-k2j4h',
      'scale api-service to 0',
      '重启 api-service',
      '删除所有 pod',
      'drain node-1',
      'rollback api-service',
    );
    const alert = fc
      .tuple(
        fc.constantFrom('处理这个告警：', 'handle this alert: ', 'fix this alert\n'),
        order,
        fc.constantFrom('', ' namespace=production'),
      )
      .map(([head, body, labels]) => `${head}[FIRING:1] KubePodCrashLooping${labels} ${body}`);
    fc.assert(
      fc.property(alert, (text) => {
        assert.deepStrictEqual(
          planOffline(text).calls.filter((c) => isMutating(c.tool)),
          [],
          text,
        );
      }),
      RUNS,
    );
  });

  it('never plans a change from log lines or JSON pasted into a question', () => {
    const order = fc.constantFrom(
      'restart api-service',
      'delete pod web-5d8c9-x2x4z',
      'scale cart to 0',
      '删除所有 pod',
      'drain node-1',
    );
    const pasted = fc
      .tuple(
        fc.constantFrom('what does this mean?', '这段日志什么意思', 'look at this', '看看这个'),
        order,
        fc.constantFrom('json', 'log line', 'colon'),
      )
      .map(([ask, body, form]) =>
        form === 'json'
          ? `${ask} ${JSON.stringify({ level: 'error', msg: body })}`
          : form === 'log line'
            ? `${ask}\n2026-02-27T10:00:00Z ERROR ${body}\nlevel=error msg="${body}"`
            : `${ask}：ERROR ${body}`,
      );
    fc.assert(
      fc.property(pasted, (text) => {
        assert.deepStrictEqual(
          planOffline(text).calls.filter((c) => isMutating(c.tool)),
          [],
          text,
        );
      }),
      RUNS,
    );
  });

  it('answers a Chinese message with a Chinese question', () => {
    fc.assert(
      fc.property(fc.constantFrom('扩容', '重启', '删除', '排空节点', '查看日志', '你好', '回滚'), (verb) => {
        const plan = planOffline(`${verb}一下`);
        assert.match(plan.question ?? '', /[\u4e00-\u9fff]/);
      }),
      RUNS,
    );
  });
});
