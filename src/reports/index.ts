import type { IncidentView } from '../incidents/types.ts';
import { assertUniqueNames } from '../registry.ts';
import { htmlRenderer } from './html.ts';
import { jsonRenderer } from './json.ts';
import { markdownRenderer } from './md.ts';
import type { ReportRenderer } from './renderer.ts';
import { summarizeIncident } from './summary.ts';

/** Every report format, in the order help texts list them. */
export const REPORT_RENDERERS = [
  markdownRenderer,
  htmlRenderer,
  jsonRenderer,
] as const satisfies readonly ReportRenderer[];
export type ReportFormat = (typeof REPORT_RENDERERS)[number]['format'];
export const REPORT_FORMATS: readonly ReportFormat[] = REPORT_RENDERERS.map((r) => r.format);

assertUniqueNames(REPORT_RENDERERS, 'report format', (r) => r.format);

export const isReportFormat = (value: string): value is ReportFormat =>
  (REPORT_FORMATS as readonly string[]).includes(value);

/** The renderer of a format, for its content type and file extension (the REST route and `--output`). */
export function reportRenderer(format: ReportFormat): ReportRenderer {
  const renderer = REPORT_RENDERERS.find((r) => r.format === format);
  if (!renderer) throw new Error(`no renderer for report format ${format}`);
  return renderer;
}

/** The incident report in one format. Pure: pass `now` for the same bytes twice (it stamps the report and ends open spans). */
export function renderReport(view: IncidentView, format: ReportFormat, options: { now?: Date } = {}): string {
  const now = options.now ?? new Date();
  return reportRenderer(format).render(view, summarizeIncident(view, now), now);
}

export { JSON_REPORT_FORMAT } from './json.ts';
export type { ReportRenderer } from './renderer.ts';
export { type IncidentSummary, summarizeIncident } from './summary.ts';
