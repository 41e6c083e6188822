/** Why a cluster call failed, in the words of the Kubernetes API where it has one. */
export type KubeErrorReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'Unauthorized'
  | 'TooManyRequests'
  | 'Timeout'
  | 'Unreachable'
  | 'ServerError'
  | 'Config';

/**
 * The one error the cluster access layer throws. Its message is a sentence for a person (or a model):
 * what failed, where, and when useful how to fix it — never a stack or a raw response body.
 */
export class KubeError extends Error {
  override readonly name = 'KubeError';
  constructor(
    readonly reason: KubeErrorReason,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const REASON_BY_STATUS: Record<number, KubeErrorReason> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Conflict',
  422: 'Invalid',
  429: 'TooManyRequests',
  504: 'Timeout',
};

interface StatusBody {
  kind?: string;
  message?: string;
  reason?: string;
}

/** Turns an HTTP error reply of the API server (usually a `Status` object) into a KubeError. */
export function errorFromResponse(
  status: number,
  body: string,
  where: { method: string; path: string; context: string },
): KubeError {
  let parsed: StatusBody | undefined;
  try {
    parsed = JSON.parse(body) as StatusBody;
  } catch {
    parsed = undefined;
  }
  const reason: KubeErrorReason =
    parsed?.reason === 'AlreadyExists'
      ? 'AlreadyExists'
      : (REASON_BY_STATUS[status] ?? (status >= 500 ? 'ServerError' : 'BadRequest'));
  const serverSays = parsed?.message?.trim() || body.trim().slice(0, 300) || `HTTP ${status}`;
  const hint = HINTS[reason] ? `; ${HINTS[reason]}` : '';
  return new KubeError(
    reason,
    `${serverSays} (context ${where.context}, ${where.method} ${where.path.split('?')[0]})${hint}`,
    status,
  );
}

const HINTS: Partial<Record<KubeErrorReason, string>> = {
  Forbidden: 'the credentials of this context lack the RBAC permission for it',
  Unauthorized: 'the credentials of this context were rejected; refresh the token or kubeconfig',
  Conflict: 'the object changed meanwhile; read it again and retry',
  TooManyRequests: 'the API server is throttling or a disruption budget blocks it; retry later',
};

/** A network failure before any HTTP reply: the cluster is down, the address is wrong, or it timed out. */
export function unreachable(server: string, context: string, cause: unknown): KubeError {
  const code = (cause as NodeJS.ErrnoException)?.code;
  const why =
    code === 'ECONNREFUSED'
      ? 'connection refused'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'host name not found'
        : code === 'ECONNRESET'
          ? 'connection reset'
          : code === 'CERT_HAS_EXPIRED' || code?.startsWith('ERR_TLS') || code?.includes('CERT')
            ? `TLS failure (${code})`
            : ((cause as Error)?.message ?? String(cause));
  return new KubeError(
    'Unreachable',
    `cannot reach the Kubernetes API at ${server} (context ${context}): ${why}; check that the cluster is up and the kubeconfig points at it`,
    undefined,
    { cause },
  );
}

export const isNotFound = (err: unknown): boolean => err instanceof KubeError && err.reason === 'NotFound';
