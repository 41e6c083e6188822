import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSnapshotFiles, SnapshotError } from './index.ts';

const SHOP = fileURLToPath(new URL('./testdata/shop.yaml', import.meta.url));
const GOOD = readFileSync(SHOP, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'snapshot-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function file(text: string, extension = 'yaml'): string {
  const path = join(dir, `f${++fileCount}.${extension}`);
  writeFileSync(path, text);
  return path;
}

function rejects(
  paths: string[],
  expected: RegExp | string,
  details: { documentIndex?: number; field?: string } = {},
) {
  assert.throws(
    () => loadSnapshotFiles(paths),
    (err: unknown) => {
      assert.ok(err instanceof SnapshotError, String(err));
      if (typeof expected === 'string') assert.equal(err.message, expected);
      else assert.match(err.message, expected);
      if ('documentIndex' in details) assert.equal(err.documentIndex, details.documentIndex);
      if ('field' in details) assert.equal(err.field, details.field);
      return true;
    },
  );
}

describe('loadSnapshotFiles', () => {
  it('reads a multi-document YAML file, skipping empty documents and defaulting namespaces', () => {
    const objects = loadSnapshotFiles([SHOP]);
    assert.deepEqual(
      objects.map((o) => `${o.kind}/${o.metadata.namespace ?? '-'}/${o.metadata.name}`),
      [
        'Namespace/-/shop',
        'Deployment/shop/cart',
        'Event/shop/cart-5d8c9-x2x.1',
        'Pod/shop/cart-5d8c9-x2x',
        'ReplicaSet/shop/cart-5d8c9',
        'ConfigMap/staging/settings',
        'Service/default/cart',
      ],
    );
  });

  it('reads JSON: a List, a typed list whose items omit kind, and a single object', () => {
    const pod = (name: string) => ({ metadata: { name }, spec: { containers: [{ name: 'c', image: 'i' }] } });
    const list = file(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [{ apiVersion: 'v1', kind: 'Pod', ...pod('a') }],
      }),
      'json',
    );
    const podList = file(
      JSON.stringify({ apiVersion: 'v1', kind: 'PodList', items: [pod('b'), pod('c')] }),
      'json',
    );
    const single = file(JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } }), 'json');
    const objects = loadSnapshotFiles([list, podList, single]);
    assert.deepEqual(
      objects.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`),
      ['v1 Pod a', 'v1 Pod b', 'v1 Pod c', 'v1 Node n1'],
    );
  });

  it('names a missing file', () => {
    const path = join(dir, 'production.yaml');
    rejects([path], `snapshot ${path}: file not found; pass a YAML or JSON file of Kubernetes objects`);
  });

  it('reports YAML syntax errors with the line', () => {
    const path = file(
      'apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: [ConfigMap\nmetadata: {name: x}\n',
    );
    rejects([path], /^snapshot .*: document 2: YAML syntax error at line \d+, column \d+: /, {
      documentIndex: 2,
    });
  });

  it('reports broken JSON with the line', () => {
    rejects([file('{\n  "kind": "List",\n  "items": [,]\n}\n', 'json')], /JSON syntax error at line 3/);
  });

  it('rejects unknown kinds and versions', () => {
    rejects(
      [file('apiVersion: v1\nkind: Gadget\nmetadata: {name: g}\n')],
      /document 1 \(Gadget "g"\): kind: unknown kind "Gadget"; a snapshot may hold .*Deployment/,
      { field: 'kind' },
    );
    rejects(
      [file('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\n')],
      /apiVersion: Deployment is not served as "extensions\/v1beta1"; use apps\/v1/,
    );
  });

  it('rejects an object without a name', () => {
    rejects(
      [file('apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: x}\n')],
      /document 1 \(ConfigMap\): metadata.name: is required$/,
      {
        documentIndex: 1,
        field: 'metadata.name',
      },
    );
  });

  it('rejects bad containers', () => {
    const path = file(
      `${GOOD}---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: []}
`,
    );
    rejects(
      [path],
      `snapshot ${path}: document 9 (Deployment "api"): spec.template.spec.containers: must be a non-empty list`,
      {
        documentIndex: 9,
        field: 'spec.template.spec.containers',
      },
    );
    rejects(
      [file('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n')],
      /spec.containers\[0\].image: is required/,
    );
    rejects(
      [
        file(
          'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: app, image: x, ports: [{containerPort: "8080"}]}\n',
        ),
      ],
      /spec.containers\[0\].ports\[0\].containerPort: must be a number between 1 and 65535, not string "8080"/,
    );
  });

  it('rejects a selector that does not match the template labels', () => {
    rejects(
      [
        file(
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: b}}\n    spec: {containers: [{name: c, image: i}]}\n',
        ),
      ],
      /\(Deployment "d"\): spec.template.metadata.labels: selector .* does not match template labels/,
      { field: 'spec.template.metadata.labels' },
    );
  });

  it('rejects numbers where strings belong and strings where numbers belong', () => {
    rejects(
      [file('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {version: 1.0}}\n')],
      /metadata.labels.version: must be a string, not number 1 \(quote it\)/,
    );
    rejects(
      [file('apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: r}\nspec: {replicas: two}\n')],
      /spec.replicas: must be a whole number >= 0, not string "two"/,
    );
    rejects(
      [file('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: http}]}\n')],
      /spec.ports\[0\].port: must be a number/,
    );
  });

  it('reports duplicates, across files too', () => {
    const a = file('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    const b = file(
      'apiVersion: v1\nkind: Secret\nmetadata: {name: c}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: default}\n',
    );
    rejects(
      [a, b],
      `snapshot ${b}: document 2 (ConfigMap "c"): duplicate of document 1 of ${a} (same kind, namespace and name)`,
      {
        documentIndex: 2,
      },
    );
  });

  it('places list items in the message', () => {
    rejects(
      [
        file(
          JSON.stringify({
            apiVersion: 'v1',
            kind: 'List',
            items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ok' } }, { kind: 'Pod' }],
          }),
          'json',
        ),
      ],
      /document 1 \(item 2, Pod\): apiVersion: is required/,
    );
  });
});
