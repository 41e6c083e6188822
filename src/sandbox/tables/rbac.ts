import type { KubeObject } from '../core/types.ts';
import { AGE, column, NAME, since, wide } from './format.ts';
import type { Printer } from './types.ts';

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

/** printRoleBinding / printClusterRoleBinding: ROLE as Kind/name, subjects split by kind for -o wide. */
const bindingPrinter = (kind: string, noun: string): Printer => ({
  kinds: [kind],
  columns: [
    NAME,
    column(
      'Role',
      'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.',
    ),
    AGE,
    wide('Users', `Users in the ${noun}`),
    wide('Groups', `Groups in the ${noun}`),
    wide('ServiceAccounts', `ServiceAccounts in the ${noun}`),
  ],
  cells(binding: KubeObject, now: number) {
    const subjects: Subject[] = Array.isArray(binding.subjects) ? binding.subjects : [];
    const names = (k: string) => subjects.filter((s) => s.kind === k);
    const roleRef = (binding.roleRef ?? {}) as { kind?: string; name?: string };
    return [
      binding.metadata.name,
      `${roleRef.kind ?? ''}/${roleRef.name ?? ''}`,
      since(binding.metadata.creationTimestamp, now),
      names('User')
        .map((s) => s.name)
        .join(', '),
      names('Group')
        .map((s) => s.name)
        .join(', '),
      names('ServiceAccount')
        .map((s) => `${s.namespace ?? ''}/${s.name}`)
        .join(', '),
    ];
  },
});

export const roleBindingPrinter = bindingPrinter('RoleBinding', 'roleBinding');
export const clusterRoleBindingPrinter = bindingPrinter('ClusterRoleBinding', 'clusterRoleBinding');
