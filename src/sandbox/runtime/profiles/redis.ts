import { pick } from '../noise.ts';
import { redisTime } from './format.ts';
import type { AppContext, AppProfile, Crash, Problem, StartFailure } from './types.ts';

/** The official redis image (standalone, RDB snapshots). */

const line = (at: number, role: 'C' | 'M', mark: string, text: string, processId = 1) =>
  `${processId}:${role} ${redisTime(at)} ${mark} ${text}`;

export const redis: AppProfile = {
  name: 'redis',
  protocol: 'redis',
  matches: (image) => /redis|valkey|keydb/.test(image),
  warmupSeconds: 1,
  idleCpuCores: 0.008,
  baseMemoryBytes: 30 * 2 ** 20,
  cpuPerRequest: 0.00005,
  capacityRps: 50_000,
  latencySeconds: 0.0005,
  logPeriodSeconds: 300,

  startLines: (app, at) => [
    line(at, 'C', '#', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
    line(
      at,
      'C',
      '#',
      `Redis version=${/^\d/.test(app.version) ? app.version : '7.2.4'}, bits=64, commit=00000000, modified=0, pid=1, just started`,
    ),
    line(at + 1, 'M', '*', 'monotonic clock: POSIX clock_gettime'),
    line(at + 1, 'M', '*', 'Running mode=standalone, port=6379.'),
    line(at + 2, 'M', '*', 'Server initialized'),
    line(at + 3, 'M', '*', 'Loading RDB produced by version 7.2.4'),
    line(
      at + 40,
      'M',
      '*',
      `Done loading RDB, keys loaded: ${10_000 + pick(app.seed, 40_000)}, keys expired: 0.`,
    ),
    line(at + 41, 'M', '*', 'Ready to accept connections tcp'),
  ],

  crash(_app: AppContext, at: number, why: StartFailure): Crash {
    const lines =
      why === 'bad-release'
        ? [line(at, 'M', '#', "Can't handle RDB format version 12")]
        : why === 'disk-full'
          ? [
              line(
                at,
                'M',
                '#',
                'Failed opening the temp RDB file temp-1.rdb (in server root dir /data) for saving: No space left on device',
              ),
            ]
          : [
              line(at, 'M', '#', 'Wrong signature trying to load DB from file'),
              line(at, 'M', '#', 'Fatal error loading the DB, check server logs. Exiting.'),
            ];
    return {
      exitCode: 1,
      runSeconds: 1,
      lines: [line(at, 'C', '#', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'), ...lines],
    };
  },

  routineLines: (app, at, seq) => {
    const child = 40 + pick(`${app.seed}/${seq}`, 9000);
    return [
      line(at, 'M', '*', '100 changes in 300 seconds. Saving...'),
      line(at, 'M', '*', `Background saving started by pid ${child}`),
      line(at + 180, 'C', '*', 'DB saved on disk', child),
      line(at + 190, 'M', '*', 'Background saving terminated with success'),
    ];
  },

  problemLine: (_app: AppContext, _at: number, _seq: number, _problem: Problem) => undefined,
};
