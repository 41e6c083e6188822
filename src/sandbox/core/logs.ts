/** Container logs as the kubelet keeps them: the current instance and the previous, terminated one. */
export interface LogLine {
  /** Simulated epoch ms. */
  time: number;
  text: string;
}

interface ContainerLogs {
  current: LogLine[];
  previous?: LogLine[];
}

const MAX_LINES = 2_000;

export class LogStore {
  private readonly logs = new Map<string, ContainerLogs>();

  private key(namespace: string, pod: string, container: string) {
    return `${namespace}/${pod}/${container}`;
  }

  append(namespace: string, pod: string, container: string, lines: LogLine[]): void {
    const k = this.key(namespace, pod, container);
    let entry = this.logs.get(k);
    if (!entry) {
      entry = { current: [] };
      this.logs.set(k, entry);
    }
    entry.current.push(...lines);
    if (entry.current.length > MAX_LINES) entry.current.splice(0, entry.current.length - MAX_LINES);
  }

  /** A container restarted: what it wrote becomes `--previous`. */
  rotate(namespace: string, pod: string, container: string): void {
    const k = this.key(namespace, pod, container);
    const entry = this.logs.get(k);
    if (entry) this.logs.set(k, { current: [], previous: entry.current });
  }

  /** Replaces a container's logs (snapshot annotations). */
  set(namespace: string, pod: string, container: string, current: LogLine[], previous?: LogLine[]): void {
    this.logs.set(this.key(namespace, pod, container), { current, previous });
  }

  read(namespace: string, pod: string, container: string, previous = false): LogLine[] | undefined {
    const entry = this.logs.get(this.key(namespace, pod, container));
    return previous ? entry?.previous : entry?.current;
  }

  dropPod(namespace: string, pod: string): void {
    const prefix = `${namespace}/${pod}/`;
    for (const k of this.logs.keys()) if (k.startsWith(prefix)) this.logs.delete(k);
  }
}
