import type { ResourceType } from '../core/resources.ts';
import type { Json, JsonObject } from './json.ts';

/** One PATCH body format, chosen by the request's Content-Type. */
export interface PatchFormat {
  contentType: string;
  /** Applies `body` to a private copy of `original`; throws ApiError for a bad body or a failed patch. */
  apply(rt: ResourceType, original: JsonObject, body: string): Json;
}
