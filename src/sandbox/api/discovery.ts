import { apiVersionOf, groupVersions, RESOURCE_TYPES, type ResourceType } from '../core/resources.ts';
import { EXTRA_APIS } from './extra-apis.ts';
import { notFoundPath } from './router.ts';

/** What `kubectl version` shows for the server: a 1.32 cluster, so kubectl 1.32 prints no skew warning. */
export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:00:00Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

interface GroupVersions {
  group: string;
  versions: string[];
}

const allGroupVersions = (): GroupVersions[] => [
  ...groupVersions(),
  ...EXTRA_APIS.map((api) => ({ group: api.group, versions: [api.version] })),
];

const groupOf = ({ group, versions }: GroupVersions) => {
  const entries = versions.map((version) => ({ groupVersion: `${group}/${version}`, version }));
  return { name: group, versions: entries, preferredVersion: entries[0] };
};

export const apiVersions = () => ({
  kind: 'APIVersions',
  versions: ['v1'],
  serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
});

export const apiGroupList = () => ({
  kind: 'APIGroupList',
  apiVersion: 'v1',
  groups: allGroupVersions()
    .filter((g) => g.group !== '')
    .map(groupOf),
});

export function apiGroup(group: string) {
  const found = allGroupVersions().find((g) => g.group === group && group !== '');
  if (!found) throw notFoundPath();
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupOf(found) };
}

const SUBRESOURCE_KINDS: Record<string, { kind: string; group?: string; version?: string; verbs: string[] }> =
  {
    status: { kind: '', verbs: ['get', 'patch', 'update'] },
    scale: { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
    log: { kind: '', verbs: ['get'] },
    eviction: { kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
    binding: { kind: 'Binding', verbs: ['create'] },
  };

function describe(rt: ResourceType) {
  const main = {
    name: rt.plural,
    singularName: rt.virtual ? '' : rt.singular,
    namespaced: rt.namespaced,
    kind: rt.kind,
    verbs: rt.verbs ?? [],
    ...(rt.shortNames ? { shortNames: rt.shortNames } : {}),
    ...(rt.categories ? { categories: rt.categories } : {}),
  };
  const subresources = (rt.subresources ?? []).map((sub) => {
    const { kind, verbs, ...groupVersion } = SUBRESOURCE_KINDS[sub];
    return {
      name: `${rt.plural}/${sub}`,
      singularName: '',
      namespaced: rt.namespaced,
      ...groupVersion,
      kind: kind || rt.kind,
      verbs,
    };
  });
  return [main, ...subresources];
}

export function apiResourceList(group: string, version: string) {
  const types = RESOURCE_TYPES.filter((t) => t.group === group && t.version === version);
  const extra = EXTRA_APIS.find((api) => api.group === group && api.version === version);
  if (!types.length && !extra) throw notFoundPath();
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: types.length ? apiVersionOf(types[0]) : `${group}/${version}`,
    resources: extra ? extra.resources : types.flatMap(describe),
  };
}
