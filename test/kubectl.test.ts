import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { requireBinary } from './helpers/binaries.ts';
import { kubectlFor, kubectlOk } from './helpers/kubectl.ts';
import { until } from './helpers/poll.ts';
import { inProcessSandbox } from './helpers/sandbox.ts';

const needs = requireBinary('kubectl');

describe('kubectl against the sandbox', needs, () => {
  let sandbox: Awaited<ReturnType<typeof inProcessSandbox>>;
  let kubectl: ReturnType<typeof kubectlFor>;
  let ok: ReturnType<typeof kubectlOk>;

  const runningPods = async (ns: string, selector: string) => {
    const out = await ok(['get', 'pods', '-n', ns, '-l', selector, '-o', 'json']);
    return JSON.parse(out).items.filter(
      (p: any) =>
        p.status.phase === 'Running' &&
        !p.metadata.deletionTimestamp &&
        p.status.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'),
    );
  };

  before(async () => {
    sandbox = await inProcessSandbox({ speed: 20 });
    kubectl = kubectlFor(sandbox.kubeconfig);
    ok = kubectlOk(kubectl);
    await until(
      'the estate to be running',
      async () => (await runningPods('production', 'app=api-service')).length === 3,
    );
  });
  after(() => sandbox?.stop());

  test('get pods prints the usual columns from a Table', async () => {
    const out = await ok(['get', 'pods', '-n', 'production']);
    assert.match(out.split('\n')[0], /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    assert.match(out, /^api-service-[a-z0-9]{10}-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+\S+$/m);
    const wide = await ok(['get', 'pods', '-A', '-o', 'wide']);
    assert.match(
      wide.split('\n')[0],
      /^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/,
    );
    assert.match(
      wide,
      /^kube-system\s+coredns-\S+\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+node-\d/m,
    );
  });

  test('get with -l, -o json and -o yaml', async () => {
    const list = JSON.parse(
      await ok(['get', 'pods', '-n', 'production', '-l', 'app=api-service', '-o', 'json']),
    );
    assert.equal(list.kind, 'List');
    assert.equal(list.items.length, 3);
    assert.ok(list.items.every((p: any) => p.metadata.labels.app === 'api-service'));
    const yaml = await ok(['get', 'deployment', 'api-service', '-n', 'production', '-o', 'yaml']);
    assert.match(yaml, /^kind: Deployment$/m);
    assert.match(yaml, /^ {2}name: api-service$/m);
    const nodes = await ok(['get', 'nodes']);
    assert.match(nodes.split('\n')[0], /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    assert.equal(nodes.trim().split('\n').length, 4);
    assert.match(nodes, /^node-1\s+Ready\s+/m);
  });

  test('a missing object gives the real NotFound message and exit 1', async () => {
    const r = await kubectl(['get', 'pod', 'nope', '-n', 'production']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim(), 'Error from server (NotFound): pods "nope" not found');
    const ns = await kubectl(['get', 'pods', '-n', 'no-such-namespace']);
    assert.equal(ns.code, 0);
    assert.match(ns.stderr, /No resources found in no-such-namespace namespace/);
  });

  test('describe pod, deployment and node', async () => {
    const [pod] = await runningPods('production', 'app=api-service');
    const dp = await ok(['describe', 'pod', pod.metadata.name, '-n', 'production']);
    assert.match(dp, /^Status:\s+Running$/m);
    assert.match(dp, /^Node:\s+node-\d\/10\.\d+\.\d+\.\d+$/m);
    assert.match(dp, /Successfully assigned production\/api-service-/);
    assert.match(dp, /Started container api-service|Started container/);
    const dd = await ok(['describe', 'deployment', 'api-service', '-n', 'production']);
    assert.match(dd, /^Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available \| 0 unavailable$/m);
    assert.match(dd, /NewReplicaSet:\s+api-service-[a-z0-9]{10} \(3\/3 replicas created\)/);
    const dn = await ok(['describe', 'node', 'node-1']);
    assert.match(dn, /^\s+Ready\s+True\s+/m);
    assert.match(dn, /Non-terminated Pods:/);
  });

  test('scale, then rollout restart, status, history and undo', async () => {
    assert.match(
      await ok(['scale', 'deployment', 'web-frontend', '-n', 'production', '--replicas=4']),
      /deployment.apps\/web-frontend scaled/,
    );
    await until(
      '4 web-frontend pods',
      async () => (await runningPods('production', 'app=web-frontend')).length === 4,
    );
    assert.match(
      await ok(['rollout', 'restart', 'deployment/web-frontend', '-n', 'production']),
      /restarted/,
    );
    const status = await ok(
      ['rollout', 'status', 'deployment/web-frontend', '-n', 'production', '--timeout=60s'],
      { timeoutMs: 70_000 },
    );
    assert.match(status, /successfully rolled out/);
    const history = await ok(['rollout', 'history', 'deployment/web-frontend', '-n', 'production']);
    assert.match(history, /^1\s+/m);
    assert.match(history, /^2\s+/m);
    assert.match(await ok(['rollout', 'undo', 'deployment/web-frontend', '-n', 'production']), /rolled back/);
    const after = await ok(['rollout', 'history', 'deployment/web-frontend', '-n', 'production']);
    assert.match(after, /^2\s+/m);
    assert.match(after, /^3\s+/m);
    assert.doesNotMatch(after, /^1\s+/m);
    await ok(['rollout', 'status', 'deployment/web-frontend', '-n', 'production', '--timeout=60s'], {
      timeoutMs: 70_000,
    });
  });

  test('delete pod: the ReplicaSet replaces it', async () => {
    const [victim] = await runningPods('production', 'app=api-service');
    assert.match(await ok(['delete', 'pod', victim.metadata.name, '-n', 'production']), /deleted/);
    await until('a replacement pod', async () => {
      const pods = await runningPods('production', 'app=api-service');
      return pods.length === 3 && pods.every((p: any) => p.metadata.name !== victim.metadata.name);
    });
  });

  test('logs: current, --tail and -c', async () => {
    const [pod] = await runningPods('production', 'app=api-service');
    const logs = await ok(['logs', pod.metadata.name, '-n', 'production']);
    assert.ok(logs.trim().length > 0, 'a running pod has logs');
    const tail = await ok(['logs', pod.metadata.name, '-n', 'production', '--tail=1']);
    assert.equal(tail.trim().split('\n').length, 1);
    const container = pod.spec.containers[0].name;
    const byContainer = await ok([
      'logs',
      pod.metadata.name,
      '-n',
      'production',
      '-c',
      container,
      '--tail=2',
    ]);
    assert.equal(byContainer.trim().split('\n').length, 2);
    const wrong = await kubectl(['logs', pod.metadata.name, '-n', 'production', '-c', 'nope']);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /container nope is not valid for pod|container "nope"/);
  });

  test('top pods and nodes', async () => {
    const pods = await ok(['top', 'pods', '-n', 'production']);
    assert.match(pods.split('\n')[0], /^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*$/);
    assert.match(pods, /^api-service-\S+\s+\d+m\s+\d+Mi\s*$/m);
    const nodes = await ok(['top', 'nodes']);
    assert.match(nodes, /^node-1\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%\s*$/m);
  });

  test('cordon, drain and uncordon', async () => {
    assert.match(await ok(['cordon', 'node-3']), /node\/node-3 cordoned/);
    assert.match(await ok(['get', 'node', 'node-3']), /Ready,SchedulingDisabled/);
    const drain = await ok(
      ['drain', 'node-3', '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=60s'],
      { timeoutMs: 70_000 },
    );
    assert.match(drain, /node\/node-3 drained/);
    const onNode3 = JSON.parse(
      await ok(['get', 'pods', '-A', '--field-selector', 'spec.nodeName=node-3', '-o', 'json']),
    );
    assert.equal(
      onNode3.items.filter((p: any) => !p.metadata.ownerReferences?.some((o: any) => o.kind === 'DaemonSet'))
        .length,
      0,
    );
    assert.match(await ok(['uncordon', 'node-3']), /node\/node-3 uncordoned/);
    assert.match(await ok(['get', 'node', 'node-3']), /^node-3\s+Ready\s+/m);
  });

  test('apply -f a multi-document manifest, then re-apply a change', async () => {
    const file = join(sandbox.dir, 'shop.yaml');
    const manifest = (replicas: number) => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cart-config
  namespace: shop
data:
  LOG_LEVEL: info
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
  namespace: shop
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: cart}
  template:
    metadata:
      labels: {app: cart}
    spec:
      containers:
      - name: cart
        image: registry.example.com/cart:1.0.0
        envFrom: [{configMapRef: {name: cart-config}}]
        resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {memory: 128Mi}}
---
apiVersion: v1
kind: Service
metadata:
  name: cart
  namespace: shop
spec:
  selector: {app: cart}
  ports: [{port: 80, targetPort: 8080}]
`;
    writeFileSync(file, manifest(1));
    const created = await ok(['apply', '-f', file]);
    assert.match(created, /namespace\/shop created/);
    assert.match(created, /deployment.apps\/cart created/);
    assert.match(created, /service\/cart created/);
    writeFileSync(file, manifest(2));
    const configured = await ok(['apply', '-f', file]);
    assert.match(configured, /namespace\/shop unchanged/);
    assert.match(configured, /deployment.apps\/cart configured/);
    await until('2 cart pods', async () => (await runningPods('shop', 'app=cart')).length === 2);
    const ep = JSON.parse(await ok(['get', 'endpoints', 'cart', '-n', 'shop', '-o', 'json']));
    assert.equal(ep.subsets[0].addresses.length, 2);
    assert.equal(ep.subsets[0].ports[0].port, 8080);
  });

  test('create and delete a namespace', async () => {
    assert.match(await ok(['create', 'namespace', 'scratch']), /namespace\/scratch created/);
    await ok(['create', 'configmap', 'x', '-n', 'scratch', '--from-literal=a=b']);
    assert.match(
      await ok(['delete', 'namespace', 'scratch', '--timeout=30s'], { timeoutMs: 40_000 }),
      /namespace "scratch" deleted/,
    );
    const r = await kubectl(['get', 'namespace', 'scratch']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /namespaces "scratch" not found/);
  });

  test('get -w streams a new pod', async () => {
    await ok(['create', 'namespace', 'watched']);
    const child = spawn('kubectl', [
      '--kubeconfig',
      sandbox.kubeconfig,
      'get',
      'pods',
      '-n',
      'watched',
      '-w',
    ]);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    try {
      await ok(['run', 'probe', '-n', 'watched', '--image=registry.example.com/probe:1', '--restart=Never']);
      await until('the watched pod line', () => /^probe\s+\d\/1\s+\S+/m.test(out));
      await until('the pod to run', () => /^probe\s+1\/1\s+Running/m.test(out));
    } finally {
      child.kill();
    }
  });
});
