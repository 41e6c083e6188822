import { parse as parseYaml } from 'yaml';
import { badRequest } from '../core/errors.ts';
import { apiVersionOf, findByKind, type ResourceType } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { mediaType, type RequestContext, readBody } from './http.ts';
import { decodeProtobuf, PROTOBUF } from './protobuf.ts';
import { shapeError } from './shapes.ts';

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON `null` decodes to an absent field on the real server; dropping them keeps readers simple. */
export function stripNulls(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) stripNulls(item);
    return;
  }
  if (!isRecord(value)) return;
  for (const key of Object.keys(value)) {
    if (value[key] === null) delete value[key];
    else stripNulls(value[key]);
  }
}

/**
 * Parses a request body that must be one object: JSON, YAML for YAML content types, or protobuf
 * from client-go's typed clients. An empty body is `{}` when `allowEmpty` (DELETE's options).
 */
export function parseObjectBody(
  body: Buffer,
  contentType: string,
  kind: string,
  version: string,
  allowEmpty = false,
): Record<string, unknown> {
  if (contentType === PROTOBUF) return decodeProtobuf(body);
  const text = body.toString('utf8');
  if (allowEmpty && text.trim() === '') return {};
  let value: unknown;
  try {
    value = contentType.includes('yaml') ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (err) {
    const reason =
      text.trim() === '' ? 'unexpected end of JSON input' : (err as Error).message.split('\n')[0];
    throw badRequest(`couldn't get version/kind; json parse error: ${reason}`);
  }
  if (!isRecord(value)) {
    const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    throw badRequest(
      `${kind} in version "${version}" cannot be handled as a ${kind}: json: cannot unmarshal ${type} into Go value of type struct`,
    );
  }
  return value;
}

/** Reads and parses the request's body (see parseObjectBody). */
export async function readObject(ctx: RequestContext, kind: string, version: string, allowEmpty = false) {
  const contentType = mediaType(ctx.req.headers['content-type']);
  return parseObjectBody(await readBody(ctx.req), contentType, kind, version, allowEmpty);
}

/**
 * Decodes a create/update body for `rt`: kind and apiVersion default to the path's, must otherwise
 * name the same kind, and the fields the sandbox reads must have the types the real server enforces.
 * A body in another served version of the kind (autoscaling/v1 vs v2) is accepted as is; callers convert.
 */
export async function readDecoded(ctx: RequestContext, rt: ResourceType): Promise<KubeObject> {
  return checkDecoded(rt, await readObject(ctx, rt.kind, rt.version));
}

export function checkDecoded(rt: ResourceType, body: Record<string, unknown>): KubeObject {
  stripNulls(body);
  body.apiVersion ??= apiVersionOf(rt);
  body.kind ??= rt.kind;
  if (typeof body.apiVersion !== 'string' || typeof body.kind !== 'string') {
    throw badRequest(
      `${rt.kind} in version "${rt.version}" cannot be handled as a ${rt.kind}: invalid kind or apiVersion`,
    );
  }
  const other = findByKind(body.apiVersion, body.kind);
  if (body.kind !== rt.kind) {
    throw badRequest(`the kind in the data (${body.kind}) does not match the expected kind (${rt.kind})`);
  }
  if (body.apiVersion !== apiVersionOf(rt) && other?.group !== rt.group) {
    throw badRequest(
      `the API version in the data (${body.apiVersion}) does not match the expected API version (${apiVersionOf(rt)})`,
    );
  }
  body.metadata ??= {};
  const error = shapeError(rt.kind, body);
  if (error)
    throw badRequest(`${rt.kind} in version "${rt.version}" cannot be handled as a ${rt.kind}: ${error}`);
  return body as KubeObject;
}
