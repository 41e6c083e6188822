import type { Permit } from '../policy/permit.ts';
import { redactSecrets } from './redact.ts';
import { type ResourceType, resourcePath } from './resource-types.ts';
import type { KubeRequest, Query, Transport } from './transport.ts';

export interface ListOptions {
  namespace?: string;
  /** List across every namespace (ignores `namespace`). */
  allNamespaces?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  /** Ask the server for at most this many; `ListResult.more` says whether there were more. */
  limit?: number;
}

export interface ListResult<T> {
  items: T[];
  /** True when the server had more than `limit`. */
  more: boolean;
  /** How many more, when the server says. */
  remaining?: number;
}

export type PatchStrategy = 'merge' | 'strategic' | 'json';

const PATCH_TYPES: Record<PatchStrategy, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
};

/**
 * One context of one cluster, at the level of resources. Every reply passes through secret
 * redaction; every write needs a permit from the policy gate (the transport checks).
 */
export class Kube {
  constructor(private readonly transport: Transport) {}

  get context(): string {
    return this.transport.context;
  }

  /** The namespace a call means when it names none: the context's. */
  namespaceOr(namespace: string | undefined): string {
    return namespace || this.transport.namespace;
  }

  async send<T>(req: KubeRequest): Promise<T> {
    return redactSecrets(await this.transport.send<T>(req));
  }

  get<T>(type: ResourceType, namespace: string | undefined, name: string, query?: Query): Promise<T> {
    return this.send<T>({
      method: 'GET',
      path: resourcePath(type, this.namespaceOr(namespace), name),
      query,
    });
  }

  async list<T>(type: ResourceType, options: ListOptions = {}): Promise<ListResult<T>> {
    const namespace =
      type.namespaced && !options.allNamespaces ? this.namespaceOr(options.namespace) : undefined;
    const body = await this.send<{
      items?: T[];
      metadata?: { continue?: string; remainingItemCount?: number };
    }>({
      method: 'GET',
      path: resourcePath(type, namespace),
      query: {
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        limit: options.limit,
      },
    });
    return {
      items: body.items ?? [],
      more: Boolean(body.metadata?.continue),
      remaining: body.metadata?.remainingItemCount,
    };
  }

  text(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    subresource: string,
    query: Query,
  ): Promise<string> {
    return this.transport.send<string>({
      method: 'GET',
      path: resourcePath(type, this.namespaceOr(namespace), name, subresource),
      query,
      text: true,
    });
  }

  create<T>(permit: Permit, type: ResourceType, namespace: string | undefined, body: unknown): Promise<T> {
    return this.send<T>({
      method: 'POST',
      path: resourcePath(type, this.namespaceOr(namespace)),
      body,
      permit,
    });
  }

  patch<T>(
    permit: Permit,
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: unknown,
    strategy: PatchStrategy,
    subresource?: string,
  ): Promise<T> {
    return this.send<T>({
      method: 'PATCH',
      path: resourcePath(type, this.namespaceOr(namespace), name, subresource),
      body,
      contentType: PATCH_TYPES[strategy],
      query: { fieldManager: 'sre-nanobot' },
      permit,
    });
  }

  delete<T>(
    permit: Permit,
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: object = {},
  ): Promise<T> {
    return this.send<T>({
      method: 'DELETE',
      path: resourcePath(type, this.namespaceOr(namespace), name),
      body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background', ...options },
      permit,
    });
  }

  /** POST to a subresource (eviction). */
  post<T>(
    permit: Permit,
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    subresource: string,
    body: unknown,
  ): Promise<T> {
    return this.send<T>({
      method: 'POST',
      path: resourcePath(type, this.namespaceOr(namespace), name, subresource),
      body,
      permit,
    });
  }
}
