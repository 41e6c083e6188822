import type { PatchFormat } from './format.ts';
import { clone, get, isObject, type Json, type JsonObject, parseJsonBody, put } from './json.ts';

/**
 * RFC 7386 JSON merge patch: objects merge key by key, `null` deletes a key, anything else
 * (arrays included) replaces the target. Neither argument is modified.
 */
export function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return clone(patch);
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      put(result, key, mergePatch(get(result, key), value));
    }
  }
  return result;
}

export const mergePatchFormat: PatchFormat = {
  contentType: 'application/merge-patch+json',
  apply: (_rt, original, body) => mergePatch(original, parseJsonBody(body, 'merge patch')),
};
