import type { ToolCall } from './plan.ts';

/** Lines on stderr while work runs, so stdout stays the answer (text or --json). */
export interface Progress {
  started(call: ToolCall): void;
  finished(call: ToolCall, ok: boolean, ms: number, note?: string): void;
  note(line: string): void;
}

const short = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
};

/** `pods_log namespace=production name=api-7d9` — for progress lines, not for confirmation. */
export const callLabel = (call: ToolCall) =>
  [call.tool, ...Object.entries(call.args ?? {}).map(([k, v]) => `${k}=${short(v)}`)].join(' ');

export function stderrProgress(write: (s: string) => void = (s) => process.stderr.write(s)): Progress {
  return {
    started: (call) => write(`→ ${callLabel(call)}\n`),
    finished: (call, ok, ms, note) =>
      write(`${ok ? '✓' : '✗'} ${call.tool} ${Math.round(ms)} ms${note ? `: ${note}` : ''}\n`),
    note: (line) => write(`${line}\n`),
  };
}

export const silentProgress: Progress = { started() {}, finished() {}, note() {} };
