import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerCounts, podStatus } from './pod-status.ts';
import type { Pod } from './wire.ts';

const pod = (status: Pod['status'], extra: Partial<Pod> = {}): Pod => ({
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'app' }, { name: 'sidecar' }] },
  status,
  ...extra,
});

test('the STATUS column follows kubectl', () => {
  const cases: [string, Pod][] = [
    [
      'Running',
      pod({
        phase: 'Running',
        containerStatuses: [
          { name: 'app', ready: true, restartCount: 0, image: '', imageID: '', state: { running: {} } },
        ],
      }),
    ],
    [
      'CrashLoopBackOff',
      pod({
        phase: 'Running',
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 5,
            image: '',
            imageID: '',
            state: { waiting: { reason: 'CrashLoopBackOff' } },
          },
          { name: 'sidecar', ready: true, restartCount: 0, image: '', imageID: '', state: { running: {} } },
        ],
      }),
    ],
    [
      'OOMKilled',
      pod({
        phase: 'Running',
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 1,
            image: '',
            imageID: '',
            state: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
          },
        ],
      }),
    ],
    [
      'ExitCode:3',
      pod({
        phase: 'Failed',
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { terminated: { exitCode: 3 } },
          },
        ],
      }),
    ],
    [
      'Init:ImagePullBackOff',
      pod({
        phase: 'Pending',
        initContainerStatuses: [
          {
            name: 'init',
            ready: false,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { waiting: { reason: 'ImagePullBackOff' } },
          },
        ],
      }),
    ],
    [
      'Init:0/1',
      pod({
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'init', ready: false, restartCount: 0, image: '', imageID: '', state: { running: {} } },
        ],
      }),
    ],
    ['Evicted', pod({ phase: 'Failed', reason: 'Evicted' })],
    ['Pending', pod({ phase: 'Pending' })],
    [
      'Terminating',
      pod({ phase: 'Running' }, { metadata: { name: 'p', deletionTimestamp: '2026-01-01T00:00:00Z' } }),
    ],
  ];
  for (const [want, p] of cases) assert.equal(podStatus(p), want);
});

test('ready, total and restarts count every container', () => {
  const counts = containerCounts(
    pod({
      containerStatuses: [
        {
          name: 'app',
          ready: true,
          restartCount: 2,
          image: '',
          imageID: '',
          lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T00:00:05Z' } },
        },
        {
          name: 'sidecar',
          ready: false,
          restartCount: 1,
          image: '',
          imageID: '',
          lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T00:00:09Z' } },
        },
      ],
    }),
  );
  assert.deepEqual(counts, { ready: 1, total: 2, restarts: 3, lastRestartAt: '2026-01-01T00:00:09Z' });
});
