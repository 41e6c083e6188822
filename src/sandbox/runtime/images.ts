/** Image references the way containerd resolves them: `nginx:1.25` is `docker.io/library/nginx:1.25`. */
export interface ImageRef {
  /** Registry host and repository: `docker.io/library/nginx`. */
  repository: string;
  tag: string;
  digest?: string;
}

function parseImage(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0];
  const hasHost = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let repository = hasHost ? rest : `docker.io/${rest}`;
  if (!hasHost && !rest.includes('/')) repository = `docker.io/library/${rest}`;
  return { repository, tag: tag || (digest ? '' : 'latest'), digest };
}

/** The fully qualified reference containerd reports: `docker.io/library/nginx:1.25`. */
export function normalizeImage(image: string): string {
  const ref = parseImage(image);
  return `${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

export const imageTag = (image: string): string => parseImage(image).tag || 'latest';

/** The same image with another tag, keeping the caller's spelling of the repository. */
export function withTag(image: string, tag: string): string {
  const withoutDigest = image.split('@')[0];
  const colon = withoutDigest.lastIndexOf(':');
  const repo = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, colon) : withoutDigest;
  return `${repo}:${tag}`;
}

/** The next patch version of a semver-ish tag (`1.8.2` → `1.8.3`, `v2.0` → `v2.1`); `-next` otherwise. */
export function bumpTag(tag: string): string {
  const match = /^(.*?)(\d+)(\D*)$/.exec(tag);
  if (!match || !/\d/.test(tag)) return `${tag}-next`;
  return `${match[1]}${Number(match[2]) + 1}${match[3]}`;
}

/** containerd's error for a tag the registry does not have, as the kubelet reports it. */
export function notFoundPullError(image: string): string {
  const ref = normalizeImage(image);
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
}
