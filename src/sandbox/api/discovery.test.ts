import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { read, startTestApi, type TestApi } from './test-fixtures.ts';

describe('discovery', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(() => api.close());

  it('answers /version like a 1.32 server and health checks with ok', async () => {
    const version = await api.json('GET', '/version?timeout=5s');
    assert.match(version.gitVersion, /^v1\.32\.\d+$/);
    assert.equal(version.platform, 'linux/amd64');
    for (const path of ['/healthz', '/readyz', '/livez', '/readyz/ping']) {
      const res = await api.call('GET', path);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), 'ok');
    }
  });

  it('lists the core version and the groups with their preferred versions', async () => {
    assert.deepEqual((await api.json('GET', '/api')).versions, ['v1']);
    const groups = await api.json('GET', '/apis', undefined, {
      accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
    });
    assert.equal(groups.kind, 'APIGroupList');
    const autoscaling = groups.groups.find((g: any) => g.name === 'autoscaling');
    assert.deepEqual(autoscaling.preferredVersion, { groupVersion: 'autoscaling/v2', version: 'v2' });
    assert.deepEqual(
      autoscaling.versions.map((v: any) => v.version),
      ['v2', 'v1'],
    );
    assert.ok(groups.groups.some((g: any) => g.name === 'metrics.k8s.io'));
    const apps = await api.json('GET', '/apis/apps');
    assert.equal(apps.kind, 'APIGroup');
    assert.equal(apps.preferredVersion.groupVersion, 'apps/v1');
  });

  it('describes resources and subresources the way kubectl reads them', async () => {
    const core = await api.json('GET', '/api/v1');
    assert.equal(core.groupVersion, 'v1');
    const byName = new Map(core.resources.map((r: any) => [r.name, r]));
    assert.deepEqual(byName.get('pods'), {
      name: 'pods',
      singularName: 'pod',
      namespaced: true,
      kind: 'Pod',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'],
      categories: ['all'],
    });
    assert.equal((byName.get('pods/log') as any).verbs[0], 'get');
    assert.deepEqual(
      {
        group: (byName.get('pods/eviction') as any).group,
        version: (byName.get('pods/eviction') as any).version,
      },
      { group: 'policy', version: 'v1' },
    );
    assert.equal((byName.get('pods/eviction') as any).kind, 'Eviction');
    assert.equal((byName.get('nodes') as any).namespaced, false);
    const apps = await api.json('GET', '/apis/apps/v1');
    const scale = apps.resources.find((r: any) => r.name === 'deployments/scale');
    assert.deepEqual(
      { group: scale.group, version: scale.version, kind: scale.kind },
      { group: 'autoscaling', version: 'v1', kind: 'Scale' },
    );
    assert.ok(apps.resources.some((r: any) => r.name === 'deployments/status'));
  });

  it('serves an OpenAPI v3 index whose PATCH operations accept fieldValidation', async () => {
    const index = await api.json('GET', '/openapi/v3');
    const url = index.paths['apis/apps/v1'].serverRelativeURL;
    assert.match(url, /^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]+$/);
    const doc = await api.json('GET', url);
    const op = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    assert.deepEqual(op['x-kubernetes-group-version-kind'], {
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
    });
    assert.ok(op.parameters.some((p: any) => p.name === 'fieldValidation' && p.in === 'query'));
    assert.equal((await api.call('GET', '/openapi/v2')).status, 404);
  });

  it('answers unknown paths with the real NotFound Status', async () => {
    for (const path of [
      '/api/v1/widgets',
      '/apis/nope.io/v1',
      '/apis/apps/v9',
      '/nothing',
      '/api/v1/pods/x',
    ]) {
      const res = await api.call('GET', path);
      assert.equal(res.status, 404, path);
      const status = await read(res);
      assert.equal(status.kind, 'Status');
      assert.equal(status.reason, 'NotFound');
      assert.equal(status.message, 'the server could not find the requested resource');
    }
  });

  it('allows every access review', async () => {
    const res = await api.call('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb: 'delete', resource: 'pods' } },
    });
    assert.equal(res.status, 201);
    assert.equal((await read(res)).status.allowed, true);
  });
});
