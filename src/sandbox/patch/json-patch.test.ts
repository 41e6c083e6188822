import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../core/errors.ts';
import type { Json } from './json.ts';
import { jsonPatch } from './json-patch.ts';

/** The real API server's reply to a failed operation: 422 Invalid with a generic message and the detail as a cause. */
function assertRejected(fn: () => unknown, detail: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, 422);
    assert.equal(err.reason, 'Invalid');
    assert.equal(err.message, 'the server rejected our request due to an error in our request');
    assert.match(err.details?.causes?.[0]?.message ?? '', detail);
    return true;
  });
}

describe('jsonPatch (RFC 6902 appendix A)', () => {
  const ok: [string, Json, Json, Json][] = [
    [
      'A.1 add an object member',
      { foo: 'bar' },
      [{ op: 'add', path: '/baz', value: 'qux' }],
      { baz: 'qux', foo: 'bar' },
    ],
    [
      'A.2 add an array element',
      { foo: ['bar', 'baz'] },
      [{ op: 'add', path: '/foo/1', value: 'qux' }],
      { foo: ['bar', 'qux', 'baz'] },
    ],
    [
      'A.3 remove an object member',
      { baz: 'qux', foo: 'bar' },
      [{ op: 'remove', path: '/baz' }],
      { foo: 'bar' },
    ],
    [
      'A.4 remove an array element',
      { foo: ['bar', 'qux', 'baz'] },
      [{ op: 'remove', path: '/foo/1' }],
      { foo: ['bar', 'baz'] },
    ],
    [
      'A.5 replace a value',
      { baz: 'qux', foo: 'bar' },
      [{ op: 'replace', path: '/baz', value: 'boo' }],
      { baz: 'boo', foo: 'bar' },
    ],
    [
      'A.6 move a value',
      { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
      [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
      { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
    ],
    [
      'A.7 move an array element',
      { foo: ['all', 'grass', 'cows', 'eat'] },
      [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
      { foo: ['all', 'cows', 'eat', 'grass'] },
    ],
    [
      'A.8 test a value: success',
      { baz: 'qux', foo: ['a', 2, 'c'] },
      [
        { op: 'test', path: '/baz', value: 'qux' },
        { op: 'test', path: '/foo/1', value: 2 },
      ],
      { baz: 'qux', foo: ['a', 2, 'c'] },
    ],
    [
      'A.10 add a nested member object',
      { foo: 'bar' },
      [{ op: 'add', path: '/child', value: { grandchild: {} } }],
      { foo: 'bar', child: { grandchild: {} } },
    ],
    [
      'A.11 ignore unrecognized elements',
      { foo: 'bar' },
      [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }],
      { foo: 'bar', baz: 'qux' },
    ],
    [
      'A.14 ~ escape ordering',
      { '/': 9, '~1': 10 },
      [{ op: 'test', path: '/~01', value: 10 }],
      { '/': 9, '~1': 10 },
    ],
    [
      'A.16 add an array value',
      { foo: ['bar'] },
      [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }],
      { foo: ['bar', ['abc', 'def']] },
    ],
    ['copy', { a: { b: [1] } }, [{ op: 'copy', from: '/a', path: '/c' }], { a: { b: [1] }, c: { b: [1] } }],
    [
      '~1 addresses a key with a slash',
      { a: {} },
      [{ op: 'add', path: '/a/x~1y', value: 1 }],
      { a: { 'x/y': 1 } },
    ],
    ['replace the whole document', { a: 1 }, [{ op: 'replace', path: '', value: { b: 2 } }], { b: 2 }],
    ['test a missing member against null', { a: 1 }, [{ op: 'test', path: '/b', value: null }], { a: 1 }],
  ];
  for (const [name, doc, patch, result] of ok) {
    it(name, () => assert.deepEqual(jsonPatch(doc, patch), result));
  }

  it('A.9 a failing test rejects the whole patch', () => {
    assertRejected(
      () => jsonPatch({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }]),
      /^testing value \/baz failed: test failed$/,
    );
  });

  it('A.12 adding to a nonexistent target fails', () => {
    assertRejected(
      () => jsonPatch({ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }]),
      /add operation does not apply: doc is missing path/,
    );
  });

  it('A.15 strings and numbers are different values', () => {
    assertRejected(
      () => jsonPatch({ '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: '10' }]),
      /testing value/,
    );
  });

  it('names a missing key the way json-patch does', () => {
    assertRejected(
      () => jsonPatch({ spec: {} }, [{ op: 'remove', path: '/spec/affinity' }]),
      /^error in remove for path: '\/spec\/affinity': Unable to remove nonexistent key: affinity: missing value$/,
    );
    assertRejected(() => jsonPatch({}, [{ op: 'replace', path: '/x', value: 1 }]), /doc is missing key: \/x/);
    assertRejected(() => jsonPatch({ a: [1] }, [{ op: 'add', path: '/a/5', value: 1 }]), /invalid index/);
    assertRejected(() => jsonPatch({}, [{ op: 'frobnicate', path: '/x' }]), /Unexpected kind: frobnicate/);
  });

  it('applies all or nothing and leaves its input alone', () => {
    const doc = { a: 1 };
    assertRejected(
      () =>
        jsonPatch(doc, [
          { op: 'replace', path: '/a', value: 2 },
          { op: 'test', path: '/a', value: 3 },
        ]),
      /testing value/,
    );
    assert.deepEqual(doc, { a: 1 });
  });

  it('rejects a body that is not a list of operations with 400', () => {
    assert.throws(
      () => jsonPatch({}, { op: 'add' }),
      (err: unknown) =>
        err instanceof ApiError && err.code === 400 && /cannot unmarshal object/.test(err.message),
    );
  });
});
