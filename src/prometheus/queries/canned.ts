/** How a value reads: `0.245 s`, `512 MiB`, `0.12 cores`, `3.4%`, `12.5 req/s`. */
export type Unit = 'seconds' | 'bytes' | 'cores' | 'ratio' | 'requests/s' | 'per-second' | 'none';

/** A query built from arguments: the PromQL (always shown to the reader), its unit and row labels. */
export interface CannedQuery {
  /** What the numbers are, e.g. "p99 latency over 5m". */
  what: string;
  /** Its column header when shown beside other queries: "cpu", "p99", "errors". */
  column: string;
  promql: string;
  unit: Unit;
  /** The labels that tell the result's series apart, in display order. */
  by: string[];
}
