import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { toTable } from './index.ts';
import { ago, meta, NOW, row } from './testkit.ts';

const pod = (
  status: Record<string, unknown>,
  spec: Record<string, unknown> = {},
  extra = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('api-7d4b9c-x2x9q', 600, extra),
  spec: { nodeName: 'node-1', containers: [{ name: 'app', image: 'api:1' }], ...spec },
  status: { phase: 'Running', podIP: '10.0.0.5', ...status },
});
describe('pod rows', () => {
  it('a crash-looping pod: CrashLoopBackOff and restarts with the last restart age', () => {
    const cells = row(
      'Pod',
      pod({
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 5,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(120) } },
          },
        ],
      }),
    );
    assert.deepEqual(cells, {
      Name: 'api-7d4b9c-x2x9q',
      Ready: '0/1',
      Status: 'CrashLoopBackOff',
      Restarts: '5 (2m ago)',
      Age: '10m',
      IP: '10.0.0.5',
      Node: 'node-1',
      'Nominated Node': '<none>',
      'Readiness Gates': '<none>',
    });
  });

  const status = (state: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state, ...extra }],
  });
  const cases: [string, KubeObject, string][] = [
    ['image pull back-off', pod(status({ waiting: { reason: 'ImagePullBackOff' } })), 'ImagePullBackOff'],
    ['image pull error', pod(status({ waiting: { reason: 'ErrImagePull' } })), 'ErrImagePull'],
    [
      'missing config',
      pod(status({ waiting: { reason: 'CreateContainerConfigError' } })),
      'CreateContainerConfigError',
    ],
    [
      'creating',
      pod({ phase: 'Pending', ...status({ waiting: { reason: 'ContainerCreating' } }) }),
      'ContainerCreating',
    ],
    ['OOM killed', pod(status({ terminated: { reason: 'OOMKilled', exitCode: 137 } })), 'OOMKilled'],
    ['exit without reason', pod(status({ terminated: { exitCode: 2 } })), 'ExitCode:2'],
    [
      'completed',
      pod({ phase: 'Succeeded', ...status({ terminated: { reason: 'Completed', exitCode: 0 } }) }),
      'Completed',
    ],
    [
      'failed',
      pod({ phase: 'Failed', ...status({ terminated: { reason: 'Error', exitCode: 1 } }) }),
      'Error',
    ],
    [
      'evicted',
      pod({ phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' }),
      'Evicted',
    ],
    ['pending unscheduled', pod({ phase: 'Pending' }, { nodeName: undefined }), 'Pending'],
    [
      'terminating',
      pod(status({ running: {} }, { ready: true }), {}, { deletionTimestamp: ago(5) }),
      'Terminating',
    ],
    ['node lost', pod({ reason: 'NodeLost' }, {}, { deletionTimestamp: ago(5) }), 'Unknown'],
    [
      'init container still running',
      pod(
        { phase: 'Pending', initContainerStatuses: [{ name: 'migrate', state: { running: {} } }] },
        { initContainers: [{ name: 'migrate', image: 'm' }] },
      ),
      'Init:0/1',
    ],
    [
      'init container failed',
      pod(
        {
          phase: 'Pending',
          initContainerStatuses: [
            { name: 'migrate', state: { terminated: { reason: 'Error', exitCode: 1 } } },
          ],
        },
        { initContainers: [{ name: 'migrate', image: 'm' }] },
      ),
      'Init:Error',
    ],
    [
      'init container crash-looping',
      pod(
        {
          phase: 'Pending',
          initContainerStatuses: [{ name: 'migrate', state: { waiting: { reason: 'CrashLoopBackOff' } } }],
        },
        { initContainers: [{ name: 'migrate', image: 'm' }] },
      ),
      'Init:CrashLoopBackOff',
    ],
  ];
  for (const [name, obj, expected] of cases) {
    it(`${name}: ${expected}`, () => assert.equal(row('Pod', obj).Status, expected));
  }

  it('counts ready containers and names the first troubled one', () => {
    const cells = row(
      'Pod',
      pod(
        {
          containerStatuses: [
            {
              name: 'app',
              ready: false,
              restartCount: 1,
              state: { waiting: { reason: 'ImagePullBackOff' } },
            },
            { name: 'sidecar', ready: true, restartCount: 2, state: { running: { startedAt: ago(60) } } },
          ],
        },
        { containers: [{ name: 'app' }, { name: 'sidecar' }] },
      ),
    );
    assert.equal(cells.Ready, '1/2');
    assert.equal(cells.Status, 'ImagePullBackOff');
    assert.equal(cells.Restarts, '3', 'no last-termination time, so no "(… ago)"');
  });

  it('marks finished pods with a Completed row condition', () => {
    const table = toTable(rt('Pod'), [pod({ phase: 'Succeeded' })], { now: NOW });
    assert.deepEqual(table.rows[0].conditions, [
      {
        type: 'Completed',
        status: 'True',
        reason: 'Succeeded',
        message: 'The pod has completed successfully.',
      },
    ]);
  });
});
