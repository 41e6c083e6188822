import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderCanned } from './canned-view.ts';
import type { CannedQuery } from './queries/canned.ts';

const usage: CannedQuery = {
  what: 'memory working set',
  column: 'memory',
  promql: 'USAGE',
  unit: 'bytes',
  by: ['namespace', 'pod'],
};
const limit: CannedQuery = {
  what: 'memory limit',
  column: 'memory limit',
  promql: 'LIMIT',
  unit: 'bytes',
  by: ['namespace', 'pod'],
};
const MiB = 2 ** 20;

describe('canned query view', () => {
  test('queries side by side per series, the share column, largest first, then the PromQL', () => {
    const text = renderCanned(
      [
        {
          query: usage,
          samples: [
            { metric: { namespace: 'p', pod: 'a' }, value: 100 * MiB },
            { metric: { namespace: 'p', pod: 'b' }, value: 300 * MiB },
          ],
        },
        {
          query: limit,
          samples: [{ metric: { namespace: 'p', pod: 'b' }, value: 400 * MiB }],
          warnings: ['w1'],
        },
      ],
      { title: 'pod_memory_usage p', share: '% of limit', emptyHint: 'check names' },
    );
    assert.equal(
      text,
      [
        'pod_memory_usage p — memory working set (2 series)',
        'NAMESPACE   POD   MEMORY    MEMORY LIMIT   % OF LIMIT',
        'p           b     300 MiB   400 MiB        75%',
        'p           a     100 MiB   -              -',
        'PromQL (memory): USAGE',
        'PromQL (memory limit): LIMIT',
        'warning: w1',
      ].join('\n'),
    );
  });

  test('one series of one query reads as a sentence; nothing matched says what to check', () => {
    const latency: CannedQuery = {
      what: 'p99 latency over 5m',
      column: 'p99',
      promql: 'Q',
      unit: 'seconds',
      by: ['namespace', 'service'],
    };
    assert.equal(
      renderCanned(
        [{ query: latency, samples: [{ metric: { namespace: 'prod', service: 'api' }, value: 0.25 }] }],
        {
          title: 'service_latency prod/api',
          emptyHint: 'x',
        },
      ),
      'service_latency prod/api — p99 latency over 5m: prod/api 250 ms\nPromQL (p99): Q',
    );
    assert.equal(
      renderCanned([{ query: latency, samples: [] }], {
        title: 'service_latency prod/zzz',
        emptyHint: 'check the service name',
      }),
      'service_latency prod/zzz: no data — check the service name\nPromQL (p99): Q',
    );
  });
});
