import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { QueryResult } from './prometheus.ts';
import { formatValue, guessUnit, summarize } from './summarize.ts';

const vector = (rows: [Record<string, string>, string][]): QueryResult => ({
  resultType: 'vector',
  result: rows.map(([metric, v]) => ({ metric, value: [1714564800, v] })),
});

describe('summaries for a chat window', () => {
  test('values read in their unit', () => {
    assert.equal(formatValue(0.2453, 'seconds'), '245 ms');
    assert.equal(formatValue(0.0000123, 'seconds'), '12.3 µs');
    assert.equal(formatValue(3 * 2 ** 30, 'bytes'), '3 GiB');
    assert.equal(formatValue(0.034, 'ratio'), '3.4%');
    assert.equal(formatValue(0.12345, 'cores'), '0.123 cores');
    assert.equal(formatValue(12.5, 'requests/s'), '12.5 req/s');
    assert.equal(formatValue(Number.NaN, 'seconds'), 'NaN');
    assert.equal(formatValue(1234567), '1.23e+6');
  });

  test('units are guessed from the query', () => {
    assert.equal(guessUnit('histogram_quantile(0.9, sum by (le) (rate(x_seconds_bucket[5m])))'), 'seconds');
    assert.equal(guessUnit('container_memory_working_set_bytes'), 'bytes');
    assert.equal(guessUnit('rate(container_cpu_usage_seconds_total[5m])'), 'cores');
    assert.equal(guessUnit('sum(rate(http_requests_total[5m]))'), 'per-second');
    assert.equal(guessUnit('a_bytes / b_bytes'), 'none');
    assert.equal(guessUnit('node_boot_time_seconds'), 'none');
    assert.equal(guessUnit('time() - node_boot_time_seconds'), 'seconds');
    assert.equal(guessUnit('up'), 'none');
  });

  test('a vector: count, statistics, distinguishing labels largest first, common labels once', () => {
    const text = summarize(
      vector([
        [{ job: 'a', namespace: 'staging' }, '1'],
        [{ job: 'a', namespace: 'production' }, '3'],
      ]),
      { unit: 'requests/s' },
    );
    assert.equal(
      text,
      [
        '2 series · unit requests/s',
        'min 1 req/s · max 3 req/s · avg 2 req/s',
        'common labels: {job="a"}',
        'NAMESPACE    VALUE',
        'production   3 req/s',
        'staging      1 req/s',
      ].join('\n'),
    );
  });

  test('the top 20 rows, then how to see the rest', () => {
    const rows = Array.from({ length: 25 }, (_, i): [Record<string, string>, string] => [
      { pod: `p${i}` },
      String(i),
    ]);
    const text = summarize(vector(rows));
    assert.match(text, /^POD {3}VALUE\np24 {3}24$/m);
    assert.match(text, /… 5 more series; pass full=true for all/);
    assert.doesNotMatch(text, /\bp0\b/);
    assert.match(summarize(vector(rows), { full: true }), /\bp0 {4}0\b/);
  });

  test('a matrix: last, min, max and avg per series; full adds the points', () => {
    const matrix: QueryResult = {
      resultType: 'matrix',
      result: [
        {
          metric: { pod: 'a' },
          values: [
            [1714564800, '1'],
            [1714564860, '5'],
            [1714564920, '3'],
          ],
        },
      ],
    };
    const text = summarize(matrix);
    assert.match(text, /1 series · 3 points each, 2024-05-01T12:00:00Z → 2024-05-01T12:02:00Z/);
    assert.match(text, /POD {3}LAST {3}MIN {3}MAX {3}AVG\na {5}3 {6}1 {5}5 {5}3/);
    assert.match(summarize(matrix, { full: true }), /\{pod="a"\}:\n {2}2024-05-01T12:00:00Z {2}1\n/);
  });

  test('empty, scalar and all-NaN results say so', () => {
    assert.equal(summarize(vector([])), 'no series matched');
    assert.equal(
      summarize({ resultType: 'scalar', result: [1714564800, '42'] }),
      'scalar 42 at 2024-05-01T12:00:00Z',
    );
    assert.match(summarize(vector([[{ s: 'x' }, 'NaN']])), /every value is NaN/);
  });
});
