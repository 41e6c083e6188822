import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/** A long-running binary (Prometheus, Alertmanager) on a loopback port, ready and stoppable. */
export interface Daemon {
  url: string;
  port: number;
  /** The last lines the process wrote to stderr, for error messages. */
  stderrTail(): string;
  /** SIGTERM, wait for exit; SIGKILL when it has not exited after the deadline. */
  stop(): Promise<void>;
}

export interface DaemonSpec {
  /** Human name in messages: "Prometheus". */
  what: string;
  binary: string;
  /** The command that installs the binary, said when it is missing or fails: "apt-get install prometheus". */
  installHint: string;
  args(port: number): string[];
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
}

const KEPT_LINES = 200;
const QUOTED_LINES = 8;

/** The lines worth quoting: errors and warnings first (the shutdown chatter after them says little). */
export function notableLines(lines: string[]): string {
  const serious = lines.filter((l) => /level=(error|warn)|^(error|panic|fatal)/i.test(l));
  return (serious.length ? serious : lines).slice(-QUOTED_LINES).join('\n');
}
const PORT_ATTEMPTS = 4;

/** The first of `names` that is an executable on PATH (a name with a slash is taken as a path). */
export function findBinary(names: string[]): string | undefined {
  for (const name of names) {
    const candidates = name.includes('/')
      ? [name]
      : (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name));
    for (const path of candidates) {
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {}
    }
  }
  return undefined;
}

/** A port the OS says is free right now on 127.0.0.1; the caller may lose a race for it, so retries. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// Children still running when the test process exits would hold ports and temp dirs: kill them.
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  if (!exitHookInstalled) {
    process.once('exit', () => {
      for (const c of running) c.kill('SIGKILL');
    });
    exitHookInstalled = true;
  }
  running.add(child);
  child.once('exit', () => running.delete(child));
}

class StartFailure extends Error {
  constructor(
    message: string,
    readonly portTaken: boolean,
  ) {
    super(message);
  }
}

/** Starts the binary on a free port and resolves once `/-/ready` answers 200. */
export async function startDaemon(spec: DaemonSpec): Promise<Daemon> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(spec, await freeLoopbackPort());
    } catch (err) {
      if (!(err instanceof StartFailure && err.portTaken && attempt < PORT_ATTEMPTS)) throw err;
    }
  }
}

async function startOnce(spec: DaemonSpec, port: number): Promise<Daemon> {
  const child = spawn(spec.binary, spec.args(port), { stdio: ['ignore', 'ignore', 'pipe'] });
  track(child);
  // A forgotten stop() must not keep the caller alive: the exit hook above kills the child instead.
  child.unref();
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
  let tail: string[] = [];
  let partial = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    tail = [...tail, ...lines].slice(-KEPT_LINES);
  });
  const lines = () => [...tail, partial].filter(Boolean);
  const stderrTail = () => lines().slice(-QUOTED_LINES).join('\n');
  const exited = new Promise<{ code: number | null; error?: NodeJS.ErrnoException }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('exit', (code) => resolve({ code }));
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), spec.stopTimeoutMs ?? 5_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (spec.readyTimeoutMs ?? 20_000);
  let ended: Awaited<typeof exited> | undefined;
  void exited.then((e) => {
    ended = e;
  });
  for (;;) {
    if (ended) {
      if (ended.error?.code === 'ENOENT')
        throw new StartFailure(
          `${spec.what} binary "${spec.binary}" was not found: install it with \`${spec.installHint}\`, or pass its path as \`binary\``,
          false,
        );
      throw new StartFailure(
        `${spec.what} (${spec.binary}) exited with ${ended.error?.message ?? `code ${ended.code}`} before it was ready on ${url}` +
          quote(lines()) +
          `\nFix what those lines name (often the generated config or a rule file); if the binary itself is broken, reinstall it (\`${spec.installHint}\`)`,
        lines().some((l) => /address already in use/i.test(l)),
      );
    }
    if (await isReady(url)) return { url, port, stderrTail, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new StartFailure(
        `${spec.what} did not answer ${url}/-/ready within ${spec.readyTimeoutMs ?? 20_000} ms` +
          quote(lines()) +
          '\nCheck those lines; a busy machine may need a longer readyTimeoutMs',
        false,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const quote = (lines: string[]) => (lines.length ? `; its last stderr lines:\n${notableLines(lines)}` : '');

async function isReady(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}
