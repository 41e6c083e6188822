/** Reads Prometheus text exposition the way a test needs it: find samples by name and label subset. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseMetrics(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(LABEL)) labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

export const select = (samples: Sample[], name: string, labels: Record<string, string | RegExp> = {}) =>
  samples.filter(
    (s) =>
      s.name === name &&
      Object.entries(labels).every(([k, v]) =>
        typeof v === 'string' ? s.labels[k] === v : v.test(s.labels[k] ?? ''),
      ),
  );

export const sum = (samples: Sample[]) => samples.reduce((a, s) => a + s.value, 0);

export async function scrape(url: string): Promise<Sample[]> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`scrape ${url}: HTTP ${res.status}`);
  return parseMetrics(await res.text());
}
