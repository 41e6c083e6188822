import { createHash, timingSafeEqual } from 'node:crypto';
import type { HttpAuth } from '../config/types.ts';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export interface AuthCheck {
  /** True when the Authorization header carries the configured credentials (always true with no auth configured). */
  (authorization: string | undefined): boolean;
  /** The WWW-Authenticate challenge for a 401, or null with no auth configured. */
  readonly challenge: string | null;
  /** The 401's message: what was wrong and what to send. */
  readonly refusal: string;
  /** The basic-auth user name in the header, if any: who decided, for the audit trail. */
  user(authorization: string | undefined): string | undefined;
}

const decodeBasic = (presented: string) => Buffer.from(presented, 'base64').toString('utf8');

const basicUser = (header: string | undefined): string | undefined => {
  const presented = /^Basic\s+(\S+)$/i.exec(header ?? '')?.[1];
  return presented === undefined ? undefined : decodeBasic(presented).split(':')[0] || undefined;
};

/**
 * Bearer token or basic auth, compared in constant time: both sides are hashed first, so the
 * comparison takes the same time whatever the length or the first differing byte.
 */
export function authCheck(auth: HttpAuth | null): AuthCheck {
  if (!auth) return Object.assign(() => true, { challenge: null, refusal: '', user: basicUser });
  const scheme = auth.type === 'bearer' ? 'Bearer' : 'Basic';
  const expected = digest(auth.type === 'bearer' ? auth.token : `${auth.username}:${auth.password}`);
  const pattern = new RegExp(`^${scheme}\\s+(\\S+)\\s*$`, 'i');
  const check = (header: string | undefined): boolean => {
    const presented = pattern.exec(header ?? '')?.[1];
    if (presented === undefined) return false;
    const secret = auth.type === 'bearer' ? presented : decodeBasic(presented);
    return timingSafeEqual(digest(secret), expected);
  };
  return Object.assign(check, {
    challenge: `${scheme} realm="sre-nanobot"`,
    refusal: `missing or wrong credentials; ${
      auth.type === 'bearer'
        ? 'send "Authorization: Bearer <token>" with the token from gateway.auth'
        : 'send basic auth with the username and password from gateway.auth'
    }`,
    user: basicUser,
  });
}
