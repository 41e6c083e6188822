import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { request, typedWrite } from './fuzz-arbitraries.ts';
import { deployment, namespace, pod, read, seed, startTestApi, type TestApi } from './test-fixtures.ts';

describe('the API under random input', () => {
  let api: TestApi;
  const errors: string[] = [];
  const originalWrite = process.stderr.write.bind(process.stderr);
  before(async () => {
    api = await startTestApi();
    seed(api.cluster, namespace('default'));
    seed(api.cluster, pod('default', 'x', { nodeName: 'n1' }));
    seed(api.cluster, deployment('default', 'x'));
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      errors.push(String(chunk));
      return originalWrite(chunk, ...(rest as []));
    }) as typeof process.stderr.write;
  });
  after(async () => {
    process.stderr.write = originalWrite;
    await api.close();
  });

  it('always answers below 500, with a Status body for every error', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        if (r.contentType !== null) headers['content-type'] = r.contentType.replace(/[^\x20-\x7e]/g, '');
        if (r.accept !== null) headers.accept = r.accept;
        const sendsBody = r.body !== undefined && !['GET', 'HEAD'].includes(r.method);
        const res = await fetch(`${api.url}${r.path}${r.query}`, {
          method: r.method,
          headers,
          body: sendsBody ? r.body : undefined,
          signal: AbortSignal.timeout(5000),
        });
        assert.ok(
          res.status >= 200 && res.status < 500,
          `${r.method} ${r.path}${r.query} answered ${res.status}`,
        );
        if (res.status >= 400 && r.method !== 'HEAD') {
          const status = await read(res);
          assert.equal(status.kind, 'Status');
          assert.equal(status.code, res.status);
        } else {
          await res.body?.cancel();
        }
      }),
      { numRuns: 2000 },
    );
    assert.deepEqual(
      errors.filter((e) => e.includes('sandbox api')),
      [],
    );
    assert.equal((await api.call('GET', '/healthz')).status, 200);
  });

  it('stores only objects every reader (tables, watches, metrics) can handle', async () => {
    const table = { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' };
    await fc.assert(
      fc.asyncProperty(typedWrite, async ({ target, name, spec, status, extra }) => {
        const obj = {
          apiVersion: target.apiVersion,
          kind: target.kind,
          metadata: { name },
          spec,
          ...(status === null ? {} : { status }),
          ...(extra === null ? {} : { involvedObject: extra, data: extra }),
        };
        const created = await api.call('POST', target.path, obj);
        assert.ok(created.status < 500, `create answered ${created.status}`);
        await created.body?.cancel();
        if (created.status === 201) {
          for (const suffix of ['', '/status']) {
            const patched = await api.call(
              'PATCH',
              `${target.path}/${name}${suffix}`,
              JSON.stringify({ spec, status }),
              {
                'content-type': 'application/merge-patch+json',
              },
            );
            assert.ok(patched.status < 500, `patch answered ${patched.status}`);
            await patched.body?.cancel();
          }
        }
        for (const [path, headers] of [
          [target.path, table],
          [target.path, {}],
          ['/apis/metrics.k8s.io/v1beta1/pods', {}],
          ['/apis/metrics.k8s.io/v1beta1/nodes', {}],
        ] as const) {
          const res = await api.call('GET', path, undefined, headers);
          assert.equal(
            res.status,
            200,
            `GET ${path} answered ${res.status}: ${res.status === 200 ? '' : await res.text()}`,
          );
          await res.body?.cancel();
        }
      }),
      { numRuns: 400 },
    );
    assert.deepEqual(
      errors.filter((e) => e.includes('sandbox api')),
      [],
    );
  });
});
