import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ApiError } from '../core/errors.ts';
import { RESOURCE_TYPES, rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { applyPatch, PATCH_FORMATS } from './index.ts';
import type { Json, JsonObject } from './json.ts';
import { jsonPatch } from './json-patch.ts';
import { mergePatch } from './merge-patch.ts';
import { strategicMerge } from './strategic-merge.ts';
import { strategicSchemaFor } from './strategic-schema.ts';

/** fast-check may build null-prototype objects; the documents a server parses never are. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const jsonObject = fc.dictionary(fc.string(), fc.jsonValue() as fc.Arbitrary<Json>).map(plain);

const kubeObject = fc
  .record({ name: fc.string({ minLength: 1 }), extra: fc.dictionary(fc.string(), fc.jsonValue()) })
  .map(
    ({ name, extra }) =>
      plain({ ...extra, apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } }) as KubeObject,
  );

/** Patches without directives and without arrays: where strategic merge must agree with RFC 7386. */
const plainPatch: fc.Arbitrary<JsonObject> = fc
  .letrec<{ node: Json; map: JsonObject }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.string(),
      fc.integer(),
      fc.boolean(),
      tie('map'),
    ),
    map: fc.dictionary(
      fc.string().filter((k) => !k.startsWith('$')),
      tie('node'),
    ),
  }))
  .map.map(plain);

describe('patch laws', () => {
  it('an empty merge patch and an empty JSON patch change nothing', () => {
    fc.assert(
      fc.property(kubeObject, (obj) => {
        const configMaps = rt('ConfigMap');
        assert.deepEqual(applyPatch(configMaps, obj, 'application/merge-patch+json', '{}'), obj);
        assert.deepEqual(applyPatch(configMaps, obj, 'application/json-patch+json', '[]'), obj);
        assert.deepEqual(applyPatch(configMaps, obj, 'application/strategic-merge-patch+json', '{}'), obj);
      }),
    );
  });

  it('a merge patch is idempotent and JSON patch [] is the identity on any document', () => {
    fc.assert(
      fc.property(
        fc.jsonValue() as fc.Arbitrary<Json>,
        fc.jsonValue() as fc.Arbitrary<Json>,
        (doc, patch) => {
          const once = mergePatch(doc, patch);
          assert.deepEqual(mergePatch(once, patch), once);
          assert.deepEqual(jsonPatch(doc, []), doc);
        },
      ),
    );
  });

  it('strategic merge agrees with a merge patch when there is nothing strategic to do', () => {
    fc.assert(
      fc.property(jsonObject, plainPatch, (doc, patch) => {
        assert.deepEqual(strategicMerge(doc, patch, strategicSchemaFor('ConfigMap')), mergePatch(doc, patch));
      }),
    );
  });

  it('a JSON patch that adds a value and removes it again restores the document', () => {
    fc.assert(
      fc.property(jsonObject, fc.string(), fc.jsonValue(), (doc, key, value) => {
        fc.pre(!Object.hasOwn(doc, key));
        const path = `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        const ops = [
          { op: 'add', path, value },
          { op: 'remove', path },
        ] as Json;
        assert.deepEqual(jsonPatch(doc, ops), doc);
      }),
    );
  });

  it('garbage of any kind fails only with an ApiError', () => {
    const contentTypes = [...PATCH_FORMATS.map((f) => f.contentType), 'text/plain'];
    const body = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .array(
          fc.record({
            op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'x'),
            path: fc.string(),
            from: fc.string(),
            value: fc.jsonValue(),
          }),
          { maxLength: 4 },
        )
        .map((ops) => JSON.stringify(ops)),
      fc
        .jsonValue()
        .map((v) =>
          JSON.stringify({ spec: { template: { spec: { containers: v, $patch: v } } }, $retainKeys: v }),
        ),
    );
    const types = RESOURCE_TYPES.filter((t) => !t.virtual);
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.constantFrom(...contentTypes),
        body,
        kubeObject,
        (type, contentType, text, obj) => {
          try {
            const out = applyPatch(type, obj, contentType, text);
            assert.equal(typeof out.metadata, 'object');
          } catch (err) {
            assert.ok(err instanceof ApiError, `${contentType} ${text}: ${(err as Error).stack}`);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
