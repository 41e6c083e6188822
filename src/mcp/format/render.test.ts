import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from './render.ts';

const deployment = {
  kind: 'Deployment',
  metadata: {
    name: 'api',
    managedFields: [{ manager: 'kubectl' }],
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': '{"DB_PASSWORD":"p4ss"}',
      team: 'sre',
    },
  },
  spec: {
    template: {
      spec: {
        containers: [
          {
            name: 'app',
            env: [
              { name: 'DB_PASSWORD', value: 'p4ss' },
              { name: 'LOG_LEVEL', value: 'debug' },
              { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'api', key: 'token' } } },
            ],
          },
        ],
      },
    },
  },
};

test('full output drops managedFields, the last-applied copy and credential-looking env values', async () => {
  for (const format of ['yaml', 'json'] as const) {
    const out = await render(deployment, format);
    assert.doesNotMatch(out, /p4ss|managedFields|manager/);
    assert.match(out, /LOG_LEVEL/);
    assert.match(out, /debug/);
    assert.match(out, /secretKeyRef/, 'references to secrets stay: they hold no value');
    assert.match(out, /team/);
  }
  assert.equal(deployment.spec.template.spec.containers[0].env[0].value, 'p4ss', 'the input is not changed');
});
