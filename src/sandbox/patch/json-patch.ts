import { ApiError, badRequest } from '../core/errors.ts';
import type { PatchFormat } from './format.ts';
import {
  brief,
  clone,
  deepEqual,
  get,
  has,
  isObject,
  type Json,
  type JsonObject,
  parseJsonBody,
  put,
} from './json.ts';

export const jsonPatchFormat: PatchFormat = {
  contentType: 'application/json-patch+json',
  apply: (_rt, original, body) => jsonPatch(original, parseJsonBody(body, 'JSON patch')),
};

/**
 * RFC 6902 JSON patch, applied in order to a private copy of the document. A failing operation
 * aborts the whole patch with the real API server's answer: 422 Invalid, "the server rejected our
 * request due to an error in our request", with json-patch's own sentence as the cause.
 */
export function jsonPatch(document: Json, operations: Json): Json {
  if (!Array.isArray(operations)) {
    throw badRequest(`json: cannot unmarshal ${jsonKind(operations)} into Go value of type jsonpatch.Patch`);
  }
  let doc = clone(document);
  for (const operation of operations) {
    if (!isObject(operation)) {
      throw badRequest(
        `json: cannot unmarshal ${jsonKind(operation)} into Go value of type jsonpatch.Operation`,
      );
    }
    doc = applyOperation(doc, operation);
  }
  return doc;
}

function applyOperation(doc: Json, operation: JsonObject): Json {
  const op = get(operation, 'op');
  const path = pointer(operation, 'path');
  switch (op) {
    case 'add':
      return add(doc, path, clone(value(operation)), 'add');
    case 'remove':
      return remove(doc, path);
    case 'replace': {
      const target = locate(doc, path);
      if (!target || lookup(target) === undefined) {
        throw failed(`replace operation does not apply: doc is missing key: ${path}: missing value`, path);
      }
      return assign(doc, target, clone(value(operation)));
    }
    case 'move': {
      const from = pointer(operation, 'from');
      const moved = read(doc, from, 'move');
      if (path !== from && path.startsWith(`${from}/`)) {
        throw failed(`move operation does not apply: cannot move ${from} into its own child ${path}`, path);
      }
      return add(remove(doc, from), path, moved, 'move');
    }
    case 'copy': {
      const from = pointer(operation, 'from');
      return add(doc, path, clone(read(doc, from, 'copy')), 'copy');
    }
    case 'test': {
      const target = locate(doc, path);
      if (!target) throw failed(`test operation does not apply: is missing path: ${path}`, path);
      const expected = has(operation, 'value') ? operation.value : null;
      const actual = lookup(target) ?? null;
      if (!deepEqual(actual, expected)) throw failed(`testing value ${path} failed: test failed`, path);
      return doc;
    }
    default:
      throw failed(`Unexpected kind: ${typeof op === 'string' ? op : 'unknown'}`);
  }
}

/** Where a pointer lands: the container holding the last token (undefined container = the whole document). */
interface Target {
  container?: JsonObject | Json[];
  token: string;
  root: Json;
}

function add(doc: Json, path: string, item: Json, opName: string): Json {
  const target = locate(doc, path);
  if (!target)
    throw failed(`${opName} operation does not apply: doc is missing path: "${path}": missing value`, path);
  const { container, token } = target;
  if (!Array.isArray(container)) return assign(doc, target, item);
  const index = token === '-' ? container.length : arrayIndex(token, container.length + 1);
  container.splice(index, 0, item);
  return doc;
}

function remove(doc: Json, path: string): Json {
  const target = locate(doc, path);
  const { container, token } = target ?? { token: path };
  if (!target || !container || lookup(target) === undefined) {
    throw failed(
      `error in remove for path: '${path}': Unable to remove nonexistent key: ${token}: missing value`,
      path,
    );
  }
  if (Array.isArray(container)) container.splice(arrayIndex(token, container.length), 1);
  else delete container[token];
  return doc;
}

function assign(doc: Json, target: Target, item: Json): Json {
  const { container, token } = target;
  if (!container) return item;
  if (Array.isArray(container)) container[arrayIndex(token, container.length)] = item;
  else put(container, token, item);
  return doc;
}

function read(doc: Json, from: string, opName: string): Json {
  const target = locate(doc, from);
  const found = target && lookup(target);
  if (found === undefined) {
    throw failed(
      `${opName} operation does not apply: doc is missing from path: ${from}: missing value`,
      from,
    );
  }
  return found;
}

function lookup({ container, token, root }: Target): Json | undefined {
  if (!container) return root;
  if (Array.isArray(container)) {
    if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
    return container[Number(token)];
  }
  return get(container, token);
}

/** Walks every token but the last; undefined when an intermediate value is missing or a scalar. */
function locate(doc: Json, path: string): Target | undefined {
  if (path === '') return { token: '', root: doc };
  const tokens = path.slice(1).split('/').map(unescapeToken);
  let current: Json | undefined = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(current))
      current = /^(0|[1-9][0-9]*)$/.test(token) ? current[Number(token)] : undefined;
    else if (isObject(current)) current = get(current, token);
    else return undefined;
  }
  if (!Array.isArray(current) && !isObject(current)) return undefined;
  return { container: current, token: tokens[tokens.length - 1], root: doc };
}

function arrayIndex(token: string, limit: number): number {
  const index = /^(0|[1-9][0-9]*)$/.test(token) ? Number(token) : Number.NaN;
  if (!(index < limit)) throw failed(`Unable to access invalid index: ${token}: invalid index referenced`);
  return index;
}

const unescapeToken = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

function pointer(operation: JsonObject, field: 'path' | 'from'): string {
  const raw = get(operation, field);
  if (typeof raw !== 'string') throw failed(`operation missing ${field} field: ${brief(operation)}`);
  if (raw !== '' && !raw.startsWith('/'))
    throw failed(`JSON pointer must be empty or start with a "/": ${raw}`);
  if (/~[^01]|~$/.test(raw)) throw failed(`invalid JSON pointer escape in ${raw}`);
  return raw;
}

function value(operation: JsonObject): Json {
  if (!has(operation, 'value')) throw failed(`operation missing value field: ${brief(operation)}`);
  return operation.value;
}

function failed(detail: string, field?: string): ApiError {
  return new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'FieldValueInvalid', message: detail, ...(field ? { field } : {}) }],
  });
}

function jsonKind(value: Json): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value;
}
