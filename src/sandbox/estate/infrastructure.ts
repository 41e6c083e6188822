import type { KubeObject } from '../core/types.ts';
import { namespace, service } from './builders.ts';

/** The cluster itself: namespaces, three worker nodes across zones, storage and ingress classes. */

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const GiB = 2 ** 30;

function node(index: number, now: number): KubeObject {
  const name = `node-${index}`;
  const zone = ZONES[(index - 1) % ZONES.length];
  const heartbeat = `${new Date(now).toISOString().slice(0, 19)}Z`;
  const booted = `${new Date(now - 14 * 86_400_000).toISOString().slice(0, 19)}Z`;
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: booted,
    reason,
    message,
  });
  const capacity = {
    cpu: '4',
    memory: `${(16 * GiB) / 1024}Ki`,
    pods: '110',
    'ephemeral-storage': `${(100 * GiB) / 1024}Ki`,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'beta.kubernetes.io/arch': 'amd64',
        'node.kubernetes.io/instance-type': 'm5.xlarge',
        'topology.kubernetes.io/region': 'us-east-1',
        'topology.kubernetes.io/zone': zone,
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${index - 1}.0/24`,
      podCIDRs: [`10.244.${index - 1}.0/24`],
      providerID: `aws:///${zone}/i-0${(0x5a3c9e1f00 + index * 7919).toString(16)}`,
    },
    status: {
      capacity,
      allocatable: {
        ...capacity,
        cpu: '3920m',
        memory: `${(15 * GiB) / 1024}Ki`,
        'ephemeral-storage': '95551679124',
      },
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: `10.0.${index}.${10 + index}` },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: `ec2${(index * 0x9e3779b1).toString(16).padStart(29, '0')}`,
        systemUUID: `ec2${index}a7c1-5e2b-4d8f-9a61-0c3e5b7d9f1${index}`,
        bootID: `b00710${index}c-3f2a-4e8b-9c1d-7a5e3b9f0d2${index}`,
        kernelVersion: '5.15.0-1061-aws',
        osImage: 'Ubuntu 22.04.4 LTS',
        containerRuntimeVersion: 'containerd://1.7.22',
        kubeletVersion: 'v1.32.2',
        kubeProxyVersion: 'v1.32.2',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

export function infrastructure(now: number, namespaces: string[]): KubeObject[] {
  return [
    ...namespaces.map(namespace),
    node(1, now),
    node(2, now),
    node(3, now),
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3', fsType: 'ext4' },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {
        name: 'nginx',
        labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
        annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
      },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
    service({
      namespace: 'default',
      name: 'kubernetes',
      selector: {},
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, targetPort: 6443 }],
      labels: { component: 'apiserver', provider: 'kubernetes' },
    }),
  ];
}
