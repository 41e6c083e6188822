import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../core/types.ts';
import { ago, meta, row } from './testkit.ts';

describe('cluster rows', () => {
  const node = (conditions: unknown[], extra: Record<string, unknown> = {}): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'node-1',
      creationTimestamp: ago(40 * 86400),
      labels: { 'node-role.kubernetes.io/control-plane': '' },
    },
    spec: extra,
    status: {
      conditions,
      addresses: [
        { type: 'InternalIP', address: '10.0.1.1' },
        { type: 'Hostname', address: 'node-1' },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.32.4',
        osImage: 'Ubuntu 24.04 LTS',
        kernelVersion: '6.8.0',
        containerRuntimeVersion: 'containerd://1.7.24',
      },
    },
  });

  it('a cordoned node', () => {
    assert.deepEqual(
      Object.values(row('Node', node([{ type: 'Ready', status: 'True' }], { unschedulable: true }))),
      [
        'node-1',
        'Ready,SchedulingDisabled',
        'control-plane',
        '40d',
        'v1.32.4',
        '10.0.1.1',
        '<none>',
        'Ubuntu 24.04 LTS',
        '6.8.0',
        'containerd://1.7.24',
      ],
    );
  });

  it('a node that stopped reporting, and one without conditions', () => {
    assert.equal(row('Node', node([{ type: 'Ready', status: 'Unknown' }])).Status, 'NotReady');
    assert.equal(row('Node', node([])).Status, 'Unknown');
  });

  it('an event', () => {
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: meta('api-x.17f'),
      involvedObject: { kind: 'Pod', name: 'api-x', fieldPath: 'spec.containers{app}' },
      reason: 'BackOff',
      message: 'Back-off restarting failed container app in pod api-x_prod(uid)\n',
      type: 'Warning',
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: ago(900),
      lastTimestamp: ago(30),
      count: 42,
    };
    assert.deepEqual(row('Event', event), {
      'Last Seen': '30s',
      Type: 'Warning',
      Reason: 'BackOff',
      Object: 'pod/api-x',
      Subobject: 'spec.containers{app}',
      Source: 'kubelet, node-1',
      Message: 'Back-off restarting failed container app in pod api-x_prod(uid)',
      'First Seen': '15m',
      Count: 42,
      Name: 'api-x.17f',
    });
  });

  it('services of each type', () => {
    const svc = (spec: Record<string, unknown>, status = {}): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('web'),
      spec: { selector: { app: 'web' }, ...spec },
      status,
    });
    assert.deepEqual(
      Object.values(
        row(
          'Service',
          svc({
            type: 'ClusterIP',
            clusterIP: '10.96.0.10',
            clusterIPs: ['10.96.0.10'],
            ports: [
              { port: 80, protocol: 'TCP' },
              { port: 53, protocol: 'UDP' },
            ],
          }),
        ),
      ),
      ['web', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP,53/UDP', '10m', 'app=web'],
    );
    assert.equal(
      row('Service', svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))['Port(s)'],
      '80:30080/TCP',
    );
    assert.equal(row('Service', svc({ type: 'LoadBalancer', ports: [] }))['External-IP'], '<pending>');
    assert.equal(
      row('Service', svc({ type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } }))[
        'External-IP'
      ],
      '203.0.113.7',
    );
  });

  it('endpoints list at most three addresses', () => {
    const ep: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta('web'),
      subsets: [
        {
          addresses: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'].map((ip) => ({ ip })),
          ports: [{ port: 8080 }],
        },
      ],
    };
    assert.equal(row('Endpoints', ep).Endpoints, '10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 1 more...');
    assert.equal(row('Endpoints', { ...ep, subsets: [] }).Endpoints, '<none>');
  });
});
