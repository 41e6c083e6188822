import { createHash } from 'node:crypto';

/** `nginx:1.25` → `docker.io/library/nginx:1.25`, as containerd reports a container's image. */
export function normalizeImage(image: string): string {
  let name = image;
  const firstSlash = name.indexOf('/');
  const first = firstSlash < 0 ? '' : name.slice(0, firstSlash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  if (!hasRegistry) name = firstSlash < 0 ? `docker.io/library/${name}` : `docker.io/${name}`;
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  if (!lastSegment.includes(':') && !name.includes('@')) name += ':latest';
  return name;
}

const digestOf = (image: string) => createHash('sha256').update(normalizeImage(image)).digest('hex');

/** `docker.io/library/nginx@sha256:…`: stable per image, as a registry digest would be. */
export function imageID(image: string): string {
  const normalized = normalizeImage(image);
  const repo = normalized.includes('@')
    ? normalized.slice(0, normalized.indexOf('@'))
    : normalized.replace(/:[^:/]+$/, '');
  return `${repo}@sha256:${digestOf(image)}`;
}

/** A plausible, stable image size in bytes (20–220 MB). */
export const imageSize = (image: string) =>
  20_000_000 + (Number.parseInt(digestOf(image).slice(0, 8), 16) % 200_000_000);

/** Simulated pull time in ms: bigger images take longer (about 0.3–1.3 s). */
export const pullMillis = (image: string) => 300 + Math.round(imageSize(image) / 220_000);

/** `1.234s`, as Go prints a millisecond-truncated duration. */
export const goMillis = (ms: number) =>
  ms < 1000 ? `${Math.round(ms)}ms` : `${(Math.round(ms) / 1000).toString()}s`;

/** Which images each node already holds (IfNotPresent skips the pull for them). */
export class NodeImages {
  private readonly byNode = new Map<string, Set<string>>();

  has(node: string, image: string): boolean {
    return this.byNode.get(node)?.has(normalizeImage(image)) ?? false;
  }

  add(node: string, image: string): void {
    let set = this.byNode.get(node);
    if (!set) {
      set = new Set();
      this.byNode.set(node, set);
    }
    set.add(normalizeImage(image));
  }
}
