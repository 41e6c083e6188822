import { pick } from '../noise.ts';
import { pgTime, pid } from './format.ts';
import type { AppContext, AppProfile, Crash, Problem, StartFailure } from './types.ts';

/** The official postgres image, logging with its default `%m [%p] ` prefix. */

const version = (app: AppContext) => {
  const match = /^(\d+)(?:\.(\d+))?/.exec(app.version);
  return match ? `${match[1]}.${match[2] ?? '0'}` : '16.2';
};

const line = (at: number, processId: number, level: string, text: string) =>
  `${pgTime(at)} [${processId}] ${level}:  ${text}`;

const banner = (app: AppContext, at: number) => [
  '',
  'PostgreSQL Database directory appears to contain a database; Skipping initialization',
  '',
  line(
    at,
    1,
    'LOG',
    `starting PostgreSQL ${version(app)} (Debian ${version(app)}-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
  ),
  line(at + 1, 1, 'LOG', 'listening on IPv4 address "0.0.0.0", port 5432'),
  line(at + 1, 1, 'LOG', 'listening on IPv6 address "::", port 5432'),
  line(at + 3, 1, 'LOG', 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
];

const lsn = (seed: string) => `0/${(0x1a000000 + pick(seed, 0xffffff)).toString(16).toUpperCase()}`;

export const postgres: AppProfile = {
  name: 'postgres',
  protocol: 'postgres',
  matches: (image) => /postgres|postgis|timescale/.test(image),
  warmupSeconds: 2,
  idleCpuCores: 0.02,
  baseMemoryBytes: 220 * 2 ** 20,
  cpuPerRequest: 0.001,
  capacityRps: 2000,
  latencySeconds: 0.002,
  logPeriodSeconds: 300,

  startLines(app, at) {
    const startup = pid(`${app.seed}/startup`, 25, 10);
    return [
      ...banner(app, at),
      line(
        at + 10,
        startup,
        'LOG',
        `database system was shut down at ${pgTime(at - 15_000).slice(0, 19)} UTC`,
      ),
      line(at + 15, 1, 'LOG', 'database system is ready to accept connections'),
    ];
  },

  crash(app: AppContext, at: number, why: StartFailure): Crash {
    const startup = pid(`${app.seed}/startup`, 25, 10);
    if (why === 'bad-release') {
      return {
        exitCode: 1,
        runSeconds: 1,
        lines: [
          '',
          'PostgreSQL Database directory appears to contain a database; Skipping initialization',
          '',
          line(at, 1, 'FATAL', 'database files are incompatible with server'),
          line(
            at,
            1,
            'DETAIL',
            `The data directory was initialized by PostgreSQL version 15, which is not compatible with this version ${version(app)}.`,
          ),
        ],
      };
    }
    const recovery = [
      line(
        at + 10,
        startup,
        'LOG',
        'database system was interrupted; last known up at ' + `${pgTime(at - 60_000).slice(0, 19)} UTC`,
      ),
      line(
        at + 12,
        startup,
        'LOG',
        'database system was not properly shut down; automatic recovery in progress',
      ),
    ];
    const failure =
      why === 'disk-full'
        ? [
            line(at + 14, startup, 'LOG', `redo starts at ${lsn(app.seed)}`),
            line(
              at + 900,
              startup,
              'PANIC',
              `could not write to file "pg_wal/xlogtemp.${startup}": No space left on device`,
            ),
          ]
        : [line(at + 14, startup, 'PANIC', 'could not locate a valid checkpoint record')];
    return {
      exitCode: 1,
      runSeconds: 2,
      lines: [
        ...banner(app, at),
        ...recovery,
        ...failure,
        line(at + 950, 1, 'LOG', `startup process (PID ${startup}) was terminated by signal 6: Aborted`),
        line(at + 950, 1, 'LOG', 'aborting startup due to startup process failure'),
        line(at + 960, 1, 'LOG', 'database system is shut down'),
      ],
    };
  },

  routineLines(app, at, seq) {
    const checkpointer = pid(`${app.seed}/checkpointer`, 26, 10);
    const buffers = 20 + pick(`${app.seed}/${seq}`, 400);
    const write = (buffers / 10 + pick(`${app.seed}/${seq}/w`, 100) / 100).toFixed(3);
    return [
      line(at, checkpointer, 'LOG', 'checkpoint starting: time'),
      line(
        at + Math.round(Number(write) * 1000),
        checkpointer,
        'LOG',
        `checkpoint complete: wrote ${buffers} buffers (${((buffers / 16384) * 100).toFixed(1)}%); 0 WAL file(s) added, 0 removed, 0 recycled; write=${write} s, sync=0.004 s, total=${(Number(write) + 0.011).toFixed(3)} s; sync files=${8 + (seq % 9)}, longest=0.002 s, average=0.001 s; distance=${buffers * 8} kB, estimate=${buffers * 8} kB; lsn=${lsn(`${app.seed}/${seq}`)}, redo lsn=${lsn(`${app.seed}/${seq}/r`)}`,
      ),
    ];
  },

  problemLine(app: AppContext, at: number, seq: number, problem: Problem): string | undefined {
    if (problem.kind !== 'server-too-many-clients') return undefined;
    return line(at, pid(`${app.seed}/${seq}`, 1000, 60000), 'FATAL', 'sorry, too many clients already');
  },
};
