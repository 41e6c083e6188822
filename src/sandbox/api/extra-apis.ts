import { ApiError } from '../core/errors.ts';
import { readObject } from './decode.ts';
import { type RequestContext, sendJson } from './http.ts';

/**
 * API groups served without storage. The sandbox has a single all-powerful user, so access
 * reviews (`kubectl auth can-i`, MCP servers probing what they may do) always allow.
 */
export interface ExtraApi {
  group: string;
  version: string;
  resources: object[];
  /** Handles `/apis/{group}/{version}/{rest}`. */
  handle(ctx: RequestContext, rest: string[]): Promise<void>;
}

const review = (name: string, kind: string) => ({
  name,
  singularName: '',
  namespaced: false,
  kind,
  verbs: ['create'],
});

const ALLOWED_STATUS: Record<string, object> = {
  SelfSubjectAccessReview: { allowed: true, reason: 'the sandbox user may do everything' },
  SubjectAccessReview: { allowed: true, reason: 'the sandbox user may do everything' },
  SelfSubjectRulesReview: {
    resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
    nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
    incomplete: false,
  },
};

const KIND_BY_PLURAL: Record<string, string> = {
  selfsubjectaccessreviews: 'SelfSubjectAccessReview',
  subjectaccessreviews: 'SubjectAccessReview',
  selfsubjectrulesreviews: 'SelfSubjectRulesReview',
};

const authorization: ExtraApi = {
  group: 'authorization.k8s.io',
  version: 'v1',
  resources: Object.entries(KIND_BY_PLURAL).map(([plural, kind]) => review(plural, kind)),
  async handle(ctx, rest) {
    const plural = rest.length === 1 ? rest[0] : rest.length === 3 && rest[0] === 'namespaces' ? rest[2] : '';
    const kind = KIND_BY_PLURAL[plural];
    if (!kind) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
    if (ctx.method !== 'POST') {
      throw new ApiError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      );
    }
    const body = await readObject(ctx, kind, 'v1');
    sendJson(ctx.res, 201, {
      ...body,
      kind,
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      status: ALLOWED_STATUS[kind],
    });
  },
};

export const EXTRA_APIS: readonly ExtraApi[] = [authorization];
