import { AGE, column, formatLabelSelector, NAME, since } from './format.ts';
import type { Printer } from './types.ts';

export const ingressPrinter: Printer = {
  kinds: ['Ingress'],
  columns: [
    NAME,
    column('Class', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'Ports of TLS configurations that open'),
    AGE,
  ],
  cells(ing, now) {
    const spec = ing.spec ?? {};
    const rules: { host?: string }[] = spec.rules ?? [];
    const hosts: string[] = [];
    let more = false;
    for (const rule of rules) {
      if (hosts.length === 3) more = true;
      if (!more && rule.host) hosts.push(rule.host);
    }
    let hostText = hosts.length ? hosts.join(',') : '*';
    if (hosts.length && more) hostText += ` + ${rules.length - 3} more...`;
    const lb: { ip?: string; hostname?: string }[] = ing.status?.loadBalancer?.ingress ?? [];
    const address = [...new Set(lb.map((i) => i.ip || i.hostname || '').filter(Boolean))].sort().join(',');
    return [
      ing.metadata.name,
      spec.ingressClassName ?? '<none>',
      hostText,
      address,
      spec.tls?.length ? '80, 443' : '80',
      since(ing.metadata.creationTimestamp, now),
    ];
  },
};

export const ingressClassPrinter: Printer = {
  kinds: ['IngressClass'],
  columns: [
    NAME,
    column('Controller', 'Controller that is responsible for handling this class'),
    column('Parameters', 'A reference to a resource with additional parameters'),
    AGE,
  ],
  cells(cls, now) {
    const params: { kind?: string; apiGroup?: string; name?: string } | undefined = cls.spec?.parameters;
    const parameters = params
      ? `${params.kind ?? ''}${params.apiGroup ? `.${params.apiGroup}` : ''}/${params.name ?? ''}`
      : '<none>';
    return [
      cls.metadata.name,
      cls.spec?.controller ?? '',
      parameters,
      since(cls.metadata.creationTimestamp, now),
    ];
  },
};

export const networkPolicyPrinter: Printer = {
  kinds: ['NetworkPolicy'],
  columns: [
    NAME,
    column('Pod-Selector', 'Selects the pods to which this NetworkPolicy object applies.'),
    AGE,
  ],
  cells(policy, now) {
    return [
      policy.metadata.name,
      formatLabelSelector(policy.spec?.podSelector),
      since(policy.metadata.creationTimestamp, now),
    ];
  },
};
