/** Prometheus text exposition format 0.0.4: families grouped, `# HELP`/`# TYPE` once each. */

export type MetricType = 'gauge' | 'counter' | 'histogram';

const escapeLabel = (value: string) =>
  value.includes('\\') || value.includes('"') || value.includes('\n')
    ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
    : value;

const escapeHelp = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

/** `{a="x",b="y"}` from pairs; undefined values are left out (empty strings are kept, as exporters do). */
export function labels(pairs: Record<string, string | number | undefined>): string {
  let out = '';
  for (const key in pairs) {
    const v = pairs[key];
    if (v === undefined) continue;
    out += `${out ? ',' : ''}${key}="${escapeLabel(String(v))}"`;
  }
  return out;
}

export type Sample = (labelText: string, value: number) => void;

interface Family {
  header: string;
  lines: string[];
}

export class Exposition {
  private readonly families = new Map<string, Family>();

  /** Declares (or reopens) a family; returns its sample lines, for collectors that cache whole lines. */
  lines(name: string, type: MetricType, help: string): string[] {
    let f = this.families.get(name);
    if (!f) {
      f = { header: `# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`, lines: [] };
      this.families.set(name, f);
    }
    return f.lines;
  }

  /** Declares (or reopens) a family; returns a function adding samples with pre-rendered label text. */
  family(name: string, type: MetricType, help: string): Sample {
    const lines = this.lines(name, type, help);
    return (labelText, value) => {
      lines.push(labelText ? `${name}{${labelText}} ${formatValue(value)}` : `${name} ${formatValue(value)}`);
    };
  }

  /** A histogram family: `_bucket` (with `le`), `_sum` and `_count` samples under one header. */
  histogram(name: string, help: string) {
    const lines = this.lines(name, 'histogram', help);
    return (
      labelText: string,
      bounds: readonly number[],
      cumulative: readonly number[],
      sum: number,
      count: number,
    ) => {
      const sep = labelText ? ',' : '';
      for (let i = 0; i < bounds.length; i++) {
        lines.push(
          `${name}_bucket{${labelText}${sep}le="${formatValue(bounds[i])}"} ${formatValue(cumulative[i])}`,
        );
      }
      lines.push(`${name}_bucket{${labelText}${sep}le="+Inf"} ${formatValue(count)}`);
      lines.push(`${name}_sum${labelText ? `{${labelText}}` : ''} ${formatValue(sum)}`);
      lines.push(`${name}_count${labelText ? `{${labelText}}` : ''} ${formatValue(count)}`);
    };
  }

  /** The text in order, piece by piece, for a caller that streams it instead of building one string. */
  pieces(): string[] {
    const pieces: string[] = [];
    for (const f of this.families.values()) {
      pieces.push(f.header);
      for (const line of f.lines) pieces.push(line, '\n');
    }
    return pieces;
  }
}
