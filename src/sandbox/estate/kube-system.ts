import type { KubeObject } from '../core/types.ts';
import { configMap, daemonSet, deployment, httpProbe, service } from './builders.ts';

const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

/** Cluster DNS (CoreDNS behind kube-dns at 10.96.0.10) and kube-proxy on every node. */
export function kubeSystem(): KubeObject[] {
  const coredns = deployment({
    namespace: 'kube-system',
    name: 'coredns',
    replicas: 2,
    labels: { 'k8s-app': 'kube-dns' },
    serviceAccountName: 'coredns',
    container: {
      name: 'coredns',
      image: 'registry.k8s.io/coredns/coredns:v1.11.3',
      args: ['-conf', '/etc/coredns/Corefile'],
      ports: [
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', containerPort: 53 },
        { name: 'metrics', containerPort: 9153 },
      ],
      requests: { cpu: '100m', memory: '70Mi' },
      limits: { memory: '170Mi' },
      readinessProbe: httpProbe('/ready', 8181, 2, 10),
      livenessProbe: httpProbe('/health', 8080, 60, 10, 5),
      volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
    },
    volumes: [
      {
        name: 'config-volume',
        configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] },
      },
    ],
  });
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kube-proxy', namespace: 'kube-system' } },
    configMap('kube-system', 'coredns', { Corefile: COREFILE }),
    coredns,
    service({
      namespace: 'kube-system',
      name: 'kube-dns',
      selector: { 'k8s-app': 'kube-dns' },
      clusterIP: '10.96.0.10',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      ports: [
        { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, targetPort: 53 },
        { name: 'metrics', port: 9153, targetPort: 9153 },
      ],
    }),
    daemonSet({
      namespace: 'kube-system',
      name: 'kube-proxy',
      labels: { 'k8s-app': 'kube-proxy' },
      serviceAccountName: 'kube-proxy',
      tolerateEverything: true,
      container: {
        name: 'kube-proxy',
        image: 'registry.k8s.io/kube-proxy:v1.32.2',
        ports: [{ name: 'metrics', containerPort: 10249 }],
        requests: { cpu: '50m', memory: '64Mi' },
        limits: { memory: '128Mi' },
      },
    }),
  ];
}
