import { get, isObject, type Json } from './json.ts';
import type { ListMerge } from './strategic-schema.ts';

/**
 * The order of a merged list, as apimachinery's strategicpatch computes it: items named by the
 * patch (or its `$setElementOrder`) in the patch's order, items only the server had in their old
 * order, the two interleaved so each server-only item stays before the patch items that followed it.
 */
export function normalizeElementOrder(
  fromPatch: Json[],
  serverOnly: Json[],
  patchOrder: Json[],
  serverOrder: Json[],
  merge: ListMerge,
): Json[] {
  const identity = identityOf(merge);
  const right = sortByOrder(fromPatch, patchOrder, identity);
  const left = sortByOrder(serverOnly, serverOrder, identity);
  const positions = positionsIn(serverOrder, identity);
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (j >= right.length) out.push(left[i++]);
    else if (i >= left.length) out.push(right[j++]);
    else {
      const li = positions.get(identity(left[i]));
      const ri = positions.get(identity(right[j]));
      if (li !== undefined && ri !== undefined && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** Splits `merged` into the items `by` names and the rest, keeping their order. */
export function partition(merged: Json[], by: Json[], merge: ListMerge): [Json[], Json[]] {
  const identity = identityOf(merge);
  const named = new Set(by.map(identity));
  const inBy: Json[] = [];
  const rest: Json[] = [];
  for (const item of merged) (named.has(identity(item)) ? inBy : rest).push(item);
  return [inBy, rest];
}

/** A map element is known by its merge key's value, a primitive by itself. */
const identityOf =
  (merge: ListMerge) =>
  (item: Json): unknown =>
    merge.key && isObject(item) ? get(item, merge.key) : item;

function sortByOrder(items: Json[], order: Json[], identity: (item: Json) => unknown): Json[] {
  const positions = positionsIn(order, identity);
  return items
    .map((item, i) => ({ item, i, at: positions.get(identity(item)) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ item }) => item);
}

/** First position of each identity in `list`. */
function positionsIn(list: Json[], identity: (item: Json) => unknown): Map<unknown, number> {
  const positions = new Map<unknown, number>();
  list.forEach((item, i) => {
    const id = identity(item);
    if (!positions.has(id)) positions.set(id, i);
  });
  return positions;
}
