import { uniquelyNamed } from '../../registry.ts';
import { ApiError, badRequest } from '../core/errors.ts';
import type { ResourceType } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { applyPatchFormat } from './apply-patch.ts';
import type { PatchFormat } from './format.ts';
import { isObject, type JsonObject } from './json.ts';
import { jsonPatchFormat } from './json-patch.ts';
import { mergePatchFormat } from './merge-patch.ts';
import { strategicMergePatchFormat } from './strategic-merge.ts';

export type { PatchFormat } from './format.ts';

/** Every PATCH body the API server accepts, in the order its 415 message lists them. */
export const PATCH_FORMATS: readonly PatchFormat[] = uniquelyNamed(
  [jsonPatchFormat, mergePatchFormat, applyPatchFormat, strategicMergePatchFormat],
  'patch format',
  (format) => format.contentType,
);

/**
 * Applies a PATCH request body to `original` and returns the patched object; `original` is never
 * changed. `contentType` may carry parameters (`; charset=utf-8`). Throws ApiError: 415 for an
 * unknown content type, 400 for a malformed body, 422 when a JSON patch operation fails.
 */
export function applyPatch(
  rt: ResourceType,
  original: KubeObject,
  contentType: string,
  body: string,
): KubeObject {
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  const format = PATCH_FORMATS.find((f) => f.contentType === mediaType);
  if (!format) {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${PATCH_FORMATS.map((f) => f.contentType).join(', ')}`,
    );
  }
  // A private copy: merge results share untouched subtrees with their input, and callers may edit the result.
  const patched = format.apply(rt, structuredClone(original) as unknown as JsonObject, body);
  if (!isObject(patched)) throw badRequest('the patched object is not a JSON object');
  // The API server decodes the result into the URL's type: kind and apiVersion come back even when a patch drops them.
  const result = patched as unknown as KubeObject;
  if (typeof result.apiVersion !== 'string') result.apiVersion = original.apiVersion;
  if (typeof result.kind !== 'string') result.kind = original.kind;
  if (!isObject(result.metadata)) result.metadata = { name: '' };
  return result;
}
