import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { requireBinary } from './helpers/binaries.ts';
import { kubectlFor, kubectlOk } from './helpers/kubectl.ts';
import { cliSandbox, tempDir } from './helpers/sandbox.ts';

const SNAPSHOT = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Node
metadata: {name: worker-1, labels: {kubernetes.io/hostname: worker-1}}
status:
  capacity: {cpu: "4", memory: 16Gi, pods: "110"}
  allocatable: {cpu: "4", memory: 16Gi, pods: "110"}
  conditions: [{type: Ready, status: "True", reason: KubeletReady, message: kubelet is posting ready status}]
---
apiVersion: v1
kind: Pod
metadata:
  name: cart-5d8c9-x2x9q
  namespace: shop
  labels: {app: cart}
  annotations:
    sandbox.sre-nanobot.dev/logs: |
      starting cart service
      connecting to postgres
    sandbox.sre-nanobot.dev/previous-logs: |
      starting cart service
      panic: runtime error: invalid memory address or nil pointer dereference
spec:
  nodeName: worker-1
  containers: [{name: cart, image: registry.example.com/cart:2.0.1}]
status:
  phase: Running
  containerStatuses:
  - name: cart
    image: registry.example.com/cart:2.0.1
    ready: false
    restartCount: 7
    state: {waiting: {reason: CrashLoopBackOff, message: "back-off 5m0s restarting failed container=cart pod=cart-5d8c9-x2x9q_shop(1)"}}
    lastState: {terminated: {reason: Error, exitCode: 2, startedAt: "2026-11-01T10:00:00Z", finishedAt: "2026-11-01T10:00:01Z"}}
`;

describe('a snapshot loaded by the CLI, read back with kubectl', requireBinary('kubectl'), () => {
  let sandbox: Awaited<ReturnType<typeof cliSandbox>>;
  let ok: ReturnType<typeof kubectlOk>;

  before(async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'shop.yaml'), SNAPSHOT);
    sandbox = await cliSandbox([
      '--snapshot',
      join(dir, 'shop.yaml'),
      '--kubeconfig-out',
      join(dir, 'kc'),
      '--speed',
      '50',
    ]);
    ok = kubectlOk(kubectlFor(sandbox.ready.kubeconfig));
  });
  after(() => sandbox?.child.kill('SIGTERM'));

  test('objects keep the status given in the file', async () => {
    // Long enough for any controller at speed 50 to have rewritten it if it were going to.
    await new Promise((r) => setTimeout(r, 300));
    const out = await ok(['get', 'pods', '-n', 'shop']);
    assert.match(out, /^cart-5d8c9-x2x9q\s+0\/1\s+CrashLoopBackOff\s+7 \(\S+ ago\)\s+\S+$/m);
    const pod = JSON.parse(await ok(['get', 'pod', 'cart-5d8c9-x2x9q', '-n', 'shop', '-o', 'json']));
    assert.equal(pod.status.containerStatuses[0].restartCount, 7);
    assert.ok(pod.metadata.uid, 'missing metadata is filled in');
    assert.ok(pod.metadata.creationTimestamp);
  });

  test('logs from the annotations come back through pods/log', async () => {
    assert.equal(
      await ok(['logs', 'cart-5d8c9-x2x9q', '-n', 'shop']),
      'starting cart service\nconnecting to postgres\n',
    );
    const previous = await ok(['logs', 'cart-5d8c9-x2x9q', '-n', 'shop', '--previous']);
    assert.match(previous, /^panic: runtime error: invalid memory address or nil pointer dereference$/m);
    assert.equal(
      (await ok(['logs', 'cart-5d8c9-x2x9q', '-n', 'shop', '--tail=1'])).trim(),
      'connecting to postgres',
    );
  });
});
