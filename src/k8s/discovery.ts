import { isNotFound, KubeError } from './errors.ts';
import type { Kube } from './kube.ts';
import type { ResourceType } from './resource-types.ts';

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  singularName?: string;
  verbs?: string[];
}

interface GroupList {
  groups: {
    name: string;
    preferredVersion?: { groupVersion: string };
    versions: { groupVersion: string }[];
  }[];
}

/**
 * Finds where any kind lives (built-in or custom) from the API server's discovery documents,
 * each fetched once per context. Accepts what kubectl accepts: `Deployment`, `deployments`,
 * `deploy`, with or without an apiVersion.
 */
class Discovery {
  private readonly groupVersions = new Map<string, Promise<ResourceType[]>>();
  private preferred?: Promise<string[]>;

  constructor(private readonly kube: Kube) {}

  private resources(groupVersion: string): Promise<ResourceType[]> {
    let found = this.groupVersions.get(groupVersion);
    if (!found) {
      const path = groupVersion.includes('/') ? `/apis/${groupVersion}` : `/api/${groupVersion}`;
      const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion];
      found = this.kube.send<{ resources: ApiResource[] }>({ method: 'GET', path }).then((list) =>
        list.resources
          .filter((r) => !r.name.includes('/'))
          .map((r) => ({
            group,
            version,
            plural: r.name,
            kind: r.kind,
            namespaced: r.namespaced,
            names: names(r),
          })),
      );
      this.groupVersions.set(groupVersion, found);
      found.catch(() => this.groupVersions.delete(groupVersion));
    }
    return found;
  }

  /** Every group's preferred version, core first, as kubectl searches them. */
  private preferredGroupVersions(): Promise<string[]> {
    if (!this.preferred) {
      this.preferred = this.kube
        .send<GroupList>({ method: 'GET', path: '/apis' })
        .then((list) => [
          'v1',
          ...list.groups
            .map((g) => g.preferredVersion?.groupVersion ?? g.versions[0]?.groupVersion)
            .filter(Boolean),
        ]);
      this.preferred.catch(() => {
        this.preferred = undefined;
      });
    }
    return this.preferred;
  }

  async resolve(kind: string, apiVersion?: string): Promise<ResourceType> {
    const wanted = kind.toLowerCase();
    const match = (list: (ResourceType & { names?: string[] })[]) =>
      list.find((r) => r.names?.includes(wanted));
    if (apiVersion) {
      const found = match(await this.resources(apiVersion).catch(notServed(apiVersion)));
      if (found) return strip(found);
      throw new KubeError(
        'NotFound',
        `the API server has no kind '${kind}' in ${apiVersion}; check the spelling or run resources_list without apiVersion`,
      );
    }
    for (const groupVersion of await this.preferredGroupVersions()) {
      const found = match(await this.resources(groupVersion));
      if (found) return strip(found);
    }
    throw new KubeError(
      'NotFound',
      `the API server knows no resource kind '${kind}' (context ${this.kube.context}); check the spelling, or install its CRD`,
    );
  }
}

const names = (r: ApiResource): string[] =>
  [r.kind, r.name, r.singularName, ...(r.shortNames ?? [])]
    .filter((n): n is string => Boolean(n))
    .map((n) => n.toLowerCase());

const strip = ({ group, version, plural, kind, namespaced }: ResourceType): ResourceType => ({
  group,
  version,
  plural,
  kind,
  namespaced,
});

const notServed = (apiVersion: string) => (err: unknown) => {
  if (isNotFound(err)) {
    throw new KubeError('NotFound', `the API server does not serve apiVersion ${apiVersion}`);
  }
  throw err;
};

const cache = new WeakMap<Kube, Discovery>();

export function resolveKind(kube: Kube, kind: string, apiVersion?: string): Promise<ResourceType> {
  let discovery = cache.get(kube);
  if (!discovery) {
    discovery = new Discovery(kube);
    cache.set(kube, discovery);
  }
  return discovery.resolve(kind, apiVersion);
}
