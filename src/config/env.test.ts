// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${NAME}` references are what these tests are about.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { substituteEnv } from './env.ts';

test('${NAME} and ${NAME:-default} are replaced inside strings at any depth', () => {
  const { value, problems } = substituteEnv(
    { a: 'x-${A}-y', list: ['${B:-fallback}', 3, null], nested: { c: '${C:-}' } },
    { A: 'one' },
  );
  assert.deepEqual(value, { a: 'x-one-y', list: ['fallback', 3, null], nested: { c: '' } });
  assert.deepEqual(problems, []);
});

test(':- applies when the variable is set but empty; plain ${NAME} keeps the empty value', () => {
  const { value } = substituteEnv({ a: '${E:-d}', b: '${E}' }, { E: '' });
  assert.deepEqual(value, { a: 'd', b: '' });
});

test('$${ is a literal ${', () => {
  assert.deepEqual(substituteEnv({ a: 'cost $${HOME}' }, { HOME: '/h' }).value, { a: 'cost ${HOME}' });
});

test('every unset variable is reported with its JSON path and how to fix it', () => {
  const { problems } = substituteEnv(
    { llm: { apiKey: '${DEEPSEEK_API_KEY}' }, clusters: [{ context: '${CTX}' }] },
    {},
  );
  assert.deepEqual(
    problems.map((p) => p.path),
    ['llm.apiKey', 'clusters[0].context'],
  );
  assert.match(
    problems[0].message,
    /DEEPSEEK_API_KEY is not set; export it, or write \$\{DEEPSEEK_API_KEY:-DEFAULT\}/,
  );
});

test('keys starting with // are comments: dropped, never substituted', () => {
  const { value, problems } = substituteEnv({ '//': 'uses ${NOPE}', '//x': { k: '${NOPE}' }, a: 1 }, {});
  assert.deepEqual(value, { a: 1 });
  assert.deepEqual(problems, []);
});
