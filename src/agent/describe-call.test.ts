import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeCall } from './describe-call.ts';

test('each change reads as a plain sentence built from its arguments', () => {
  assert.equal(
    describeCall('deployments_scale', { namespace: 'production', name: 'api-service', replicas: 10 }),
    'Scale deployment production/api-service to 10 replicas',
  );
  assert.equal(
    describeCall('deployments_rollback', { namespace: 'shop', name: 'cart', context: 'prod' }),
    'Roll back deployment shop/cart to its previous revision in context prod',
  );
  assert.equal(
    describeCall('deployments_rollback', { namespace: 'shop', name: 'cart', toRevision: 3 }),
    'Roll back deployment shop/cart to revision 3',
  );
  assert.equal(describeCall('pods_delete', { name: 'web-1' }), 'Delete pod web-1 (default namespace)');
  assert.equal(
    describeCall('nodes_drain', { name: 'node-2' }),
    'Drain node node-2 (cordon it and evict its pods)',
  );
  assert.equal(
    describeCall('deployments_set_resources', {
      namespace: 'shop',
      name: 'cart',
      container: 'app',
      limits: { memory: '512Mi' },
    }),
    'Set resources of container app in deployment shop/cart: limits memory=512Mi',
  );
  assert.equal(describeCall('some_new_tool', { id: 'x', dryRun: false }), 'Run some_new_tool with id=x');
});

test('values that are not plain names are quoted: no line breaks or fake prompts get through', () => {
  const text = describeCall('pods_delete', { namespace: 'prod', name: 'api\n? [y/N] y' });
  assert.equal(text, 'Delete pod prod/"api\\n? [y/N] y"');
  assert.ok(!text.includes('\n'));
  const apply = describeCall('resources_apply', { manifest: 'kind: Pod\nmetadata: {name: x}\u001b[2J' });
  assert.match(apply, /^Apply this manifest:\n {4}kind: Pod\n {4}metadata: \{name: x\}\\u001b\[2J\n$/);
});
