import type { IncidentView } from '../incidents/types.ts';
import type { IncidentSummary } from './summary.ts';

/** One report format. Renderers are pure: the same view, summary and clock give the same bytes. */
export interface ReportRenderer {
  format: string;
  /** For HTTP responses and `--output` defaults. */
  contentType: string;
  extension: string;
  render(view: IncidentView, summary: IncidentSummary, now: Date): string;
}
