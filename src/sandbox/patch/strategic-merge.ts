import { badRequest } from '../core/errors.ts';
import type { PatchFormat } from './format.ts';
import { brief, clone, get, has, isObject, type Json, type JsonObject, parseJsonBody, put } from './json.ts';
import { normalizeElementOrder, partition } from './list-order.ts';
import { type ListMerge, type StrategicSchema, strategicSchemaFor } from './strategic-schema.ts';

const PATCH = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM = '$deleteFromPrimitiveList/';
const SET_ORDER = '$setElementOrder/';

export const strategicMergePatchFormat: PatchFormat = {
  contentType: 'application/strategic-merge-patch+json',
  apply(rt, original, body) {
    const patch = parseJsonBody(body, 'strategic merge patch');
    if (!isObject(patch)) {
      throw badRequest(
        `json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`,
      );
    }
    return strategicMerge(original, patch, strategicSchemaFor(rt.kind));
  },
};

/**
 * Kubernetes strategic merge patch, as the API server applies it (apimachinery strategicpatch with
 * MergeParallelList and IgnoreUnmatchedNulls): maps merge, `null` deletes, lists named in `schema`
 * merge by key or as sets, every other list is replaced; the directives `$patch`, `$retainKeys`,
 * `$setElementOrder/…` and `$deleteFromPrimitiveList/…` are honoured and never stored.
 */
export function strategicMerge(original: JsonObject, patch: JsonObject, schema: StrategicSchema): JsonObject {
  return new StrategicMerger(schema).mergeMap(clone(original), clone(patch), '');
}

class StrategicMerger {
  constructor(private readonly schema: StrategicSchema) {}

  /** Merges `patch` into `original`; both are private copies and may be changed. */
  mergeMap(original: JsonObject, patch: JsonObject, path: string): JsonObject {
    if (has(patch, PATCH)) {
      const directive = patch[PATCH];
      delete patch[PATCH];
      if (directive === 'replace') return this.mergeMap({}, patch, path);
      if (directive === 'delete') return {};
      if (directive !== 'merge')
        throw badRequest(`unknown patch type: ${brief(directive)} in map: ${brief(patch)}`);
    }
    applyRetainKeys(original, patch);
    this.mergeOrderedLists(original, patch, path);
    for (const [patchKey, value] of Object.entries(patch)) {
      const deleteList = patchKey.startsWith(DELETE_FROM);
      const key = deleteList ? listKey(patchKey, DELETE_FROM) : patchKey;
      const childPath = path ? `${path}.${key}` : key;
      const current = get(original, key);
      if (deleteList) {
        if (!Array.isArray(value)) throw badRequest('invalid patch format of primitive list');
        if (Array.isArray(current)) put(original, key, this.mergeList(current, value, childPath, true));
      } else if (value === null) {
        delete original[key];
      } else if (Array.isArray(current) && Array.isArray(value)) {
        put(original, key, this.mergeList(current, value, childPath, false));
      } else if (isObject(current) && isObject(value)) {
        put(original, key, this.mergeMap(current, value, childPath));
      } else {
        put(original, key, this.fresh(value, childPath));
      }
    }
    return original;
  }

  /** A value with nothing to merge into: directives still apply, and nulls are dropped. */
  private fresh(value: Json, path: string): Json {
    if (isObject(value)) return this.mergeMap({}, value, path);
    if (Array.isArray(value)) return this.mergeList([], value, path, false);
    return value;
  }

  private mergeList(original: Json[], patch: Json[], path: string, deleteList: boolean): Json[] {
    const merge = this.schema.get(path);
    if (!merge) {
      return deleteList
        ? original.filter((v) => !patch.includes(v))
        : patch.map((v) => this.fresh(v, `${path}[]`));
    }
    if (original.length === 0 && patch.length === 0) return original;
    const elementKind = kindOfElements(original, patch);
    if (elementKind !== 'map') {
      if (deleteList) return original.filter((v) => !patch.includes(v));
      const merged = [...new Set([...original, ...patch])];
      const [fromPatch, serverOnly] = partition(merged, patch, merge);
      return normalizeElementOrder(fromPatch, serverOnly, patch, original, merge);
    }
    if (!merge.key) throw badRequest(`cannot merge lists without merge key for ${path}`);
    if (deleteList) throw badRequest('invalid patch format of primitive list');
    const [base, items] = withoutSpecialElements(original as JsonObject[], patch as JsonObject[], merge.key);
    const merged = this.mergeByKey(base, items, merge.key, `${path}[]`);
    const [fromPatch, serverOnly] = partition(merged, items, merge);
    return normalizeElementOrder(fromPatch, serverOnly, items, base, merge);
  }

  private mergeByKey(original: JsonObject[], patch: JsonObject[], key: string, path: string): JsonObject[] {
    const merged = [...original];
    for (const item of patch) {
      if (!has(item, key))
        throw badRequest(`map: ${brief(item)} does not contain declared merge key: ${key}`);
      const index = merged.findIndex((m) => get(m, key) === item[key]);
      if (index >= 0) merged[index] = this.mergeMap(merged[index], item, path);
      else merged.push(this.mergeMap({}, item, path));
    }
    return merged;
  }

  /**
   * `$setElementOrder/<list>` (sent by kubectl apply) fixes the order of a merged list: patch
   * items in the given order, items only the server has kept near their old neighbours.
   */
  private mergeOrderedLists(original: JsonObject, patch: JsonObject, path: string): void {
    for (const directive of Object.keys(patch).filter((k) => k.startsWith(SET_ORDER))) {
      const order = patch[directive];
      delete patch[directive];
      const key = listKey(directive, SET_ORDER);
      if (!Array.isArray(order)) throw badRequest('invalid patch format of setElementOrder list');
      const childPath = path ? `${path}.${key}` : key;
      const merge = this.schema.get(childPath);
      const current = get(original, key);
      const patchList = get(patch, key);
      // An order for a list that is replaced whole, or for a value that is no list, has nothing to order.
      if (!merge || (current !== undefined && !Array.isArray(current))) continue;
      if (patchList !== undefined && !Array.isArray(patchList)) continue;
      if (current === undefined && patchList === undefined) continue;
      validateOrder(patchList ?? [], order, merge);
      const merged = patchList ? this.mergeList(current ?? [], patchList, childPath, false) : (current ?? []);
      const [fromPatch, serverOnly] = partition(merged, order, merge);
      put(original, key, normalizeElementOrder(fromPatch, serverOnly, order, current ?? [], merge));
      delete patch[key];
    }
  }
}

function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!has(patch, RETAIN_KEYS)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(retain)) throw badRequest('invalid patch format of retainKeys');
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || key.startsWith(DELETE_FROM) || key.startsWith(SET_ORDER)) continue;
    if (!retain.includes(key)) throw badRequest('invalid patch format of retainKeys');
  }
  for (const key of Object.keys(original)) if (!retain.includes(key)) delete original[key];
}

/** Applies `{$patch: delete}` and `{$patch: replace}` list elements; returns the list to merge into and the plain items. */
function withoutSpecialElements(
  original: JsonObject[],
  patch: JsonObject[],
  key: string,
): [JsonObject[], JsonObject[]] {
  let base = original;
  const items: JsonObject[] = [];
  let replace = false;
  for (const item of patch) {
    if (!has(item, PATCH)) {
      items.push(item);
      continue;
    }
    const directive = item[PATCH];
    if (directive === 'delete') {
      if (!has(item, key))
        throw badRequest(`map: ${brief(item)} does not contain declared merge key: ${key}`);
      base = base.filter((m) => get(m, key) !== item[key]);
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive !== 'merge') {
      throw badRequest(`unknown patch type: ${brief(directive)} in map: ${brief(item)}`);
    }
  }
  return replace ? [[], items] : [base, items];
}

/** Every patch item must appear in the order list, in the same relative order (deletions excepted). */
function validateOrder(patchList: Json[], order: Json[], merge: ListMerge): void {
  const identity = (v: Json) => (merge.key && isObject(v) ? get(v, merge.key) : v);
  const wanted = order.map(identity);
  let position = 0;
  for (const item of patchList) {
    if (isObject(item) && has(item, PATCH)) continue;
    const at = wanted.indexOf(identity(item), position);
    if (at < 0) {
      throw badRequest(
        `The order in patch list: ${brief(patchList)} doesn't match $setElementOrder list: ${brief(order)}`,
      );
    }
    position = at + 1;
  }
}

function kindOfElements(...lists: Json[][]): 'map' | 'scalar' {
  let kind: 'map' | 'scalar' | undefined;
  for (const value of lists.flat()) {
    if (Array.isArray(value)) throw badRequest('lists of lists are not supported');
    const k = isObject(value) ? 'map' : 'scalar';
    if (kind && kind !== k) throw badRequest(`list element types are not identical: ${brief(lists)}`);
    kind = k;
  }
  return kind ?? 'scalar';
}

function listKey(directive: string, prefix: string): string {
  const key = directive.slice(prefix.length);
  if (!key) {
    throw badRequest(
      prefix === DELETE_FROM
        ? 'invalid patch format of primitive list'
        : 'invalid patch format of setElementOrder list',
    );
  }
  return key;
}
