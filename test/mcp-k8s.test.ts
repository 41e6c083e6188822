import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { parseQuantity } from '../src/kube/quantity.ts';
import { type McpSession, stdioSession, withoutAutoscaler } from './helpers/mcp.ts';
import { until } from './helpers/poll.ts';
import { inProcessSandbox } from './helpers/sandbox.ts';

/** Every tool over stdio against the sandbox, with the cluster checked independently through client-node. */
describe('sre-nanobot mcp k8s over stdio', () => {
  let sandbox: Awaited<ReturnType<typeof inProcessSandbox>>;
  let mcp: McpSession;
  let core: k8s.CoreV1Api;
  let apps: k8s.AppsV1Api;

  const deployment = (name: string, namespace = 'production') =>
    apps.readNamespacedDeployment({ name, namespace });
  const livePods = async (namespace: string, labelSelector: string) =>
    (await core.listNamespacedPod({ namespace, labelSelector })).items.filter(
      (p) => !p.metadata?.deletionTimestamp,
    );

  before(async () => {
    sandbox = await inProcessSandbox({ speed: 20 });
    await withoutAutoscaler(sandbox.kubeconfig);
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(sandbox.kubeconfig);
    core = kc.makeApiClient(k8s.CoreV1Api);
    apps = kc.makeApiClient(k8s.AppsV1Api);
    await until(
      'the estate to be available',
      async () => (await deployment('api-service')).status?.availableReplicas === 3,
    );
    mcp = await stdioSession(['--kubeconfig', sandbox.kubeconfig]);
  });
  after(async () => {
    await mcp?.close();
    await sandbox?.stop();
  });

  test('cluster_health, contexts_list and namespaces_list', async () => {
    const health = await mcp.ok('cluster_health');
    assert.match(health, /Nodes: 3\/3 ready/);
    assert.match(health, /Pods: \d+ total/);
    assert.match(health, /Deployments: \d+\/\d+ fully available/);
    assert.match(health, /Warning events: \d+/);
    const contexts = await mcp.ok('contexts_list');
    assert.match(contexts, /\*\s+sandbox\s+sandbox\s+http:\/\/127\.0\.0\.1:\d+\s+default/);
    const namespaces = await mcp.ok('namespaces_list');
    for (const ns of ['production', 'staging', 'kube-system'])
      assert.match(namespaces, new RegExp(`^${ns}\\s+Active`, 'm'));
  });

  test('pods_list with selectors, limits and full output; pods_get; pods_top', async () => {
    const list = await mcp.ok('pods_list', { namespace: 'production', labelSelector: 'app=api-service' });
    assert.match(list, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+NODE/);
    assert.equal(list.split('\n').filter((l) => /^api-service-\S+\s+1\/1\s+Running/.test(l)).length, 3);
    const limited = await mcp.ok('pods_list', { allNamespaces: true, limit: 2 });
    assert.match(limited, /^NAMESPACE\s+NAME/);
    assert.match(limited, /… \[2 shown, \d+ more exist: raise limit/);
    const byNode = await mcp.ok('pods_list', { allNamespaces: true, fieldSelector: 'spec.nodeName=node-2' });
    assert.ok(
      byNode
        .split('\n')
        .slice(1)
        .every((l) => /\snode-2$/.test(l)),
      byNode,
    );
    const json = JSON.parse(
      await mcp.ok('pods_list', {
        namespace: 'production',
        labelSelector: 'app=api-service',
        output: 'json',
      }),
    );
    assert.equal(json.items.length, 3);
    assert.equal(json.items[0].metadata.managedFields, undefined);
    const name = json.items[0].metadata.name;
    const pod = await mcp.ok('pods_get', { namespace: 'production', name });
    assert.match(pod, new RegExp(`^Pod: production/${name}`));
    assert.match(pod, /Status: Running, ready 1\/1/);
    assert.match(pod, /Controlled by: ReplicaSet\/api-service-/);
    assert.match(pod, /resources: requests cpu=250m memory=256Mi, limits cpu=1 memory=512Mi/);
    assert.match(
      await mcp.ok('pods_get', { namespace: 'production', name, output: 'yaml' }),
      /^apiVersion: v1\nkind: Pod/,
    );
    const top = await mcp.ok('pods_top', { namespace: 'production', sortBy: 'memory' });
    const memory = top
      .split('\n')
      .slice(1)
      .map((l) => parseQuantity(l.split(/\s+/).at(-1)) ?? Number.NaN);
    assert.ok(memory.length > 3 && memory.every((m, i) => i === 0 || m <= memory[i - 1]), top);
  });

  test('pods_log with tailLines, grep and a named container', async () => {
    const [pod] = await livePods('production', 'app=api-service');
    const name = pod.metadata!.name!;
    await until(
      'some log lines',
      async () => (await mcp.ok('pods_log', { namespace: 'production', name })).split('\n').length > 5,
    );
    const tail = await mcp.ok('pods_log', { namespace: 'production', name, tailLines: 3 });
    assert.match(tail, new RegExp(`^# production/${name}: 3 lines\n`));
    assert.equal(tail.split('\n').length, 4);
    const all = await mcp.ok('pods_log', {
      namespace: 'production',
      name,
      tailLines: 1000,
      container: 'api-service',
    });
    const word = /(GET|POST|INFO|info|request)/.exec(all)?.[1] ?? 'a';
    const grep = await mcp.ok('pods_log', { namespace: 'production', name, grep: word });
    assert.match(grep, new RegExp(`matching /${word}/`));
    assert.ok(
      grep
        .split('\n')
        .slice(1)
        .every((l) => l.toLowerCase().includes(word.toLowerCase())),
    );
    const none = await mcp.ok('pods_log', { namespace: 'production', name, grep: 'no-such-text-anywhere' });
    assert.match(none, /0 lines matching.*\n\(no log lines match\)/);
  });

  test('pods_log reads one of its pods when given a deployment name, as kubectl logs deployment/NAME', async () => {
    const log = await mcp.ok('pods_log', { namespace: 'production', name: 'api-service', tailLines: 2 });
    assert.match(
      log,
      /^# production\/api-service-[a-z0-9]+-[a-z0-9]+ \(pod of deployment api-service\): 2 lines\n/,
    );
    const missing = await mcp.call('pods_log', { namespace: 'production', name: 'no-such-thing' });
    assert.ok(missing.isError);
    assert.match(missing.text, /not found/i);
  });

  test('deployments_list, deployments_get, events_list, nodes_list, nodes_get, services_list, pvcs_list', async () => {
    assert.match(
      await mcp.ok('deployments_list', { namespace: 'production' }),
      /^api-service\s+3\/3\s+3\s+3\s+/m,
    );
    const get = await mcp.ok('deployments_get', { namespace: 'production', name: 'api-service' });
    assert.match(get, /Replicas: 3 desired, 3 ready/);
    assert.match(get, /api-service: ghcr\.io\/acme\/api-service:1\.8\.2/);
    const events = await mcp.ok('events_list', { allNamespaces: true, limit: 1000 });
    assert.match(events, /^NAMESPACE\s+LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+COUNT\s+MESSAGE/);
    const [pod] = await livePods('production', 'app=web-frontend');
    const about = await mcp.ok('events_list', {
      namespace: 'production',
      involvedObject: pod.metadata!.name!,
    });
    assert.ok(
      about
        .split('\n')
        .slice(1)
        .every((l) => l.includes(`Pod/${pod.metadata!.name}`)),
      about,
    );
    const warnings = await mcp.ok('events_list', { allNamespaces: true, type: 'Warning' });
    assert.ok(
      warnings.startsWith('No resources') ||
        warnings
          .split('\n')
          .slice(1)
          .filter((l) => !l.startsWith('…'))
          .every((l) => /\sWarning\s/.test(l)),
      warnings,
    );
    assert.equal(
      (await mcp.ok('nodes_list')).split('\n').filter((l) => /^node-\d\s+Ready\s/.test(l)).length,
      3,
    );
    const node = await mcp.ok('nodes_get', { name: 'node-1' });
    assert.match(node, /^Node: node-1\nStatus: Ready/);
    assert.match(node, /Pods \(\d+\):\n {2}\S+\/\S+ Running/);
    assert.match(
      await mcp.ok('services_list', { namespace: 'production' }),
      /^api-service\s+ClusterIP\s+\S+\s+<none>\s+\S+\s+3 ready\s+app=api-service/m,
    );
    assert.match(
      await mcp.ok('pvcs_list', { namespace: 'production' }),
      /^data-postgres-0\s+Bound\s+pvc-\S+\s+10Gi\s+ReadWriteOnce\s+standard/m,
    );
  });

  test('resources_list and resources_get reach any kind through discovery', async () => {
    assert.match(
      await mcp.ok('resources_list', { kind: 'pdb', namespace: 'production' }),
      /^NAME\s+AGE\napi-service\s/,
    );
    assert.match(
      await mcp.ok('resources_list', { kind: 'StatefulSet', allNamespaces: true }),
      /production\s+postgres\s+1\/1/,
    );
    assert.match(
      await mcp.ok('resources_list', { kind: 'ConfigMap', namespace: 'production' }),
      /api-service-config\s+\S+/,
    );
    const yaml = await mcp.ok('resources_get', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      namespace: 'production',
      name: 'web',
    });
    assert.match(yaml, /^apiVersion: networking\.k8s\.io\/v1\nkind: Ingress/);
    const json = JSON.parse(
      await mcp.ok('resources_get', {
        kind: 'deploy',
        namespace: 'production',
        name: 'api-service',
        output: 'json',
      }),
    );
    assert.equal(json.spec.replicas, 3);
    const unknown = await mcp.call('resources_list', { kind: 'Gizmo' });
    assert.ok(unknown.isError);
    assert.match(unknown.text, /knows no resource kind 'Gizmo'/);
  });

  test('deployments_scale changes the replicas and says how to undo', async () => {
    const text = await mcp.ok('deployments_scale', {
      namespace: 'production',
      name: 'web-frontend',
      replicas: 4,
    });
    assert.equal(
      text,
      'scaled deployment web-frontend from 2 to 4 replicas (undo: deployments_scale replicas=2).',
    );
    assert.equal((await deployment('web-frontend')).spec?.replicas, 4);
    await until(
      '4 web-frontend pods',
      async () => (await livePods('production', 'app=web-frontend')).length === 4,
    );
    const dry = await mcp.ok('deployments_scale', {
      namespace: 'production',
      name: 'web-frontend',
      replicas: 9,
      dryRun: true,
    });
    assert.match(dry, /^\(dry run, nothing changed\) would have scaled/);
    assert.equal((await deployment('web-frontend')).spec?.replicas, 4, 'a dry run changes nothing');
    await mcp.ok('deployments_scale', { namespace: 'production', name: 'web-frontend', replicas: 2 });
    assert.equal((await deployment('web-frontend')).spec?.replicas, 2);
  });

  test('deployments_set_resources and deployments_restart', async () => {
    const text = await mcp.ok('deployments_set_resources', {
      namespace: 'staging',
      name: 'checkout',
      container: 'checkout',
      limits: { memory: '1Gi' },
    });
    assert.match(text, /set resources of container checkout in deployment checkout: .*"memory":"1Gi"/);
    const c = (await deployment('checkout', 'staging')).spec?.template.spec?.containers[0];
    assert.equal(c?.resources?.limits?.memory, '1Gi');
    const bad = await mcp.call('deployments_set_resources', {
      namespace: 'staging',
      name: 'checkout',
      container: 'checkout',
      limits: { memory: 'lots' },
    });
    assert.ok(bad.isError);
    assert.match(bad.text, /'lots' is not a Kubernetes quantity/);
    const missing = await mcp.call('deployments_set_resources', {
      namespace: 'staging',
      name: 'checkout',
      container: 'nope',
      limits: { cpu: '1' },
    });
    assert.match(missing.text, /has no container 'nope'; its containers: checkout/);

    const before = new Set((await livePods('staging', 'app=payment-service')).map((p) => p.metadata?.name));
    assert.match(
      await mcp.ok('deployments_restart', { namespace: 'staging', name: 'payment-service' }),
      /^restarted deployment payment-service/,
    );
    const annotations = (await deployment('payment-service', 'staging')).spec?.template.metadata?.annotations;
    assert.ok(annotations?.['kubectl.kubernetes.io/restartedAt']);
    await until('payment-service pods replaced', async () => {
      const now = await livePods('staging', 'app=payment-service');
      return now.length > 0 && now.every((p) => !before.has(p.metadata?.name));
    });
  });

  test('deployments_rollback restores the previous image, like kubectl rollout undo', async () => {
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web-frontend, namespace: staging}
spec:
  template:
    spec:
      containers: [{name: web-frontend, image: "ghcr.io/acme/web-frontend:2.15.0"}]
`;
    // A merge patch replaces the containers list: give the whole container, as an apply would.
    const current = (await deployment('web-frontend', 'staging')).spec!.template.spec!.containers[0];
    const full = manifest.replace(
      /containers: .*\n/,
      `containers: [${JSON.stringify({ ...current, image: 'ghcr.io/acme/web-frontend:2.15.0' })}]\n`,
    );
    assert.match(
      await mcp.ok('resources_apply', { manifest: full }),
      /^deployment\/web-frontend in staging configured$/,
    );
    await until(
      'revision 2',
      async () =>
        (await deployment('web-frontend', 'staging')).metadata?.annotations?.[
          'deployment.kubernetes.io/revision'
        ] === '2',
    );
    const history = await mcp.ok('deployments_history', { namespace: 'staging', name: 'web-frontend' });
    assert.match(history, /^1\s+web-frontend-\S+\s+ghcr\.io\/acme\/web-frontend:2\.14\.0/m);
    assert.match(history, /^2 \*\s+web-frontend-\S+\s+ghcr\.io\/acme\/web-frontend:2\.15\.0/m);

    const text = await mcp.ok('deployments_rollback', { namespace: 'staging', name: 'web-frontend' });
    assert.match(
      text,
      /rolled back deployment web-frontend from revision 2 to the template of revision 1 \(images ghcr\.io\/acme\/web-frontend:2\.14\.0\); undo: deployments_rollback toRevision=2/,
    );
    const d = await deployment('web-frontend', 'staging');
    assert.equal(d.spec?.template.spec?.containers[0].image, 'ghcr.io/acme/web-frontend:2.14.0');
    assert.equal(d.spec?.template.metadata?.labels?.['pod-template-hash'], undefined);
    await until(
      'revision 3 is the old template',
      async () =>
        (await deployment('web-frontend', 'staging')).metadata?.annotations?.[
          'deployment.kubernetes.io/revision'
        ] === '3',
    );
    const noSuch = await mcp.call('deployments_rollback', {
      namespace: 'staging',
      name: 'web-frontend',
      toRevision: 42,
    });
    assert.match(noSuch.text, /has no revision 42 \(revisions kept: /);
  });

  test('pods_delete: the controller replaces the pod', async () => {
    const [victim] = await livePods('production', 'app=api-service');
    const text = await mcp.ok('pods_delete', {
      namespace: 'production',
      name: victim.metadata!.name!,
      gracePeriodSeconds: 0,
    });
    assert.match(
      text,
      /^deleted pod production\/api-service-\S+; its ReplicaSet api-service-\S+ will create a replacement\.$/,
    );
    await until('the pod gone and replaced', async () => {
      const pods = await livePods('production', 'app=api-service');
      return pods.length === 3 && !pods.some((p) => p.metadata?.uid === victim.metadata?.uid);
    });
  });

  test('nodes_cordon, nodes_uncordon and nodes_drain', async () => {
    assert.equal(await mcp.ok('nodes_cordon', { name: 'node-3' }), 'cordoned node node-3.');
    assert.equal((await core.readNode({ name: 'node-3' })).spec?.unschedulable, true);
    assert.match(await mcp.ok('nodes_list'), /^node-3\s+Ready,SchedulingDisabled/m);
    assert.equal(
      await mcp.ok('nodes_cordon', { name: 'node-3' }),
      'node node-3 was already cordoned (unschedulable); nothing changed.',
    );
    assert.equal(await mcp.ok('nodes_uncordon', { name: 'node-3' }), 'uncordoned node node-3.');
    assert.equal((await core.readNode({ name: 'node-3' })).spec?.unschedulable, undefined);

    const refused = await mcp.call('nodes_drain', { name: 'node-1' });
    assert.ok(refused.isError);
    assert.match(
      refused.text,
      /cannot drain node node-1: .*managed by DaemonSet kube-proxy \(set ignoreDaemonSets\)/,
    );
    assert.equal(
      (await core.readNode({ name: 'node-1' })).spec?.unschedulable,
      undefined,
      'a refused drain changes nothing',
    );

    const text = await mcp.ok('nodes_drain', {
      name: 'node-1',
      ignoreDaemonSets: true,
      deleteEmptyDirData: true,
      force: true,
      timeoutSeconds: 60,
    });
    assert.match(text, /^drained node node-1 \(cordoned it\)\.\nevicted \d+ pods: /);
    assert.match(text, /left in place: kube-system\/kube-proxy-\S+ \(DaemonSet kube-proxy\)/);
    const left = (await core.listPodForAllNamespaces({ fieldSelector: 'spec.nodeName=node-1' })).items.filter(
      (p) => !p.metadata?.deletionTimestamp,
    );
    assert.deepEqual(
      left.map((p) => p.metadata?.ownerReferences?.[0]?.kind),
      left.map(() => 'DaemonSet'),
      `only DaemonSet pods stay on node-1: ${left.map((p) => p.metadata?.name).join(', ')}`,
    );
    await mcp.ok('nodes_uncordon', { name: 'node-1' });
  });

  test('resources_apply creates, reports unchanged, and dry-runs without creating', async () => {
    const cm =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: mcp-settings}\ndata: {mode: fast}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: mcp-other, namespace: production}\ndata: {a: "1"}\n';
    const dry = await mcp.ok('resources_apply', { namespace: 'staging', manifest: cm, dryRun: true });
    assert.equal(
      dry,
      'configmap/mcp-settings in staging created (dry run)\nconfigmap/mcp-other in production created (dry run)',
    );
    await assert.rejects(
      core.readNamespacedConfigMap({ name: 'mcp-settings', namespace: 'staging' }),
      (e: any) => e.code === 404,
    );
    assert.equal(
      await mcp.ok('resources_apply', { namespace: 'staging', manifest: cm }),
      'configmap/mcp-settings in staging created\nconfigmap/mcp-other in production created',
    );
    assert.equal(
      (await core.readNamespacedConfigMap({ name: 'mcp-settings', namespace: 'staging' })).data?.mode,
      'fast',
    );
    assert.match(
      await mcp.ok('resources_apply', { namespace: 'staging', manifest: cm }),
      /^configmap\/mcp-settings in staging unchanged/,
    );
    const changed = cm.replace('mode: fast', 'mode: slow');
    assert.match(
      await mcp.ok('resources_apply', { namespace: 'staging', manifest: changed }),
      /^configmap\/mcp-settings in staging configured/,
    );
    assert.equal(
      (await core.readNamespacedConfigMap({ name: 'mcp-settings', namespace: 'staging' })).data?.mode,
      'slow',
    );
    const invalid = await mcp.call('resources_apply', { manifest: 'kind: ConfigMap\nmetadata: {name: x}' });
    assert.match(invalid.text, /needs apiVersion, kind and metadata.name/);
  });

  test('errors are tool results with a clear sentence, and the server keeps serving', async () => {
    const missing = await mcp.call('pods_get', { namespace: 'production', name: 'nope' });
    assert.deepEqual(missing, {
      isError: true,
      text: 'pods "nope" not found (context sandbox, GET /api/v1/namespaces/production/pods/nope)',
    });
    const badContext = await mcp.call('pods_list', { context: 'mars' });
    assert.match(badContext.text, /context 'mars' is not in the kubeconfig .*; known contexts: sandbox/);
    const badArgs = await mcp.call('deployments_scale', {
      namespace: 'production',
      name: 'api-service',
      replicas: -1,
    });
    assert.ok(badArgs.isError);
    assert.doesNotMatch(badArgs.text, /\n\s+at /, 'no stack trace');
    assert.match(await mcp.ok('cluster_health'), /Nodes: 3\/3/);
  });
});
