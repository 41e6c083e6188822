import type { Hono } from 'hono';
import { INCIDENT_STATUSES, PRIORITIES } from '../../incidents/types.ts';
import { isReportFormat, REPORT_FORMATS, renderReport, reportRenderer } from '../../reports/index.ts';
import { fail, type GatewayContext } from '../context.ts';
import { intParam, listParam, timeParam } from './query.ts';

/** `GET /api/v1/incidents[?status=&priority=&since=&limit=&offset=]`, one incident, and its report. */
export function incidentRoutes(app: Hono, g: GatewayContext): void {
  app.get('/api/v1/incidents', async (c) => {
    const incidents = await g.store.listIncidents({
      status: listParam(c, 'status', INCIDENT_STATUSES),
      priority: listParam(c, 'priority', PRIORITIES),
      since: timeParam(c, 'since'),
      limit: intParam(c, 'limit', 1, 1000),
      offset: intParam(c, 'offset', 0, Number.MAX_SAFE_INTEGER),
    });
    return c.json({ incidents });
  });

  app.get('/api/v1/incidents/:id', async (c) => {
    const view = await g.store.incidentView(c.req.param('id'));
    if (!view) return fail(c, 404, `no incident ${c.req.param('id')}; list them with GET /api/v1/incidents`);
    return c.json(view);
  });

  app.get('/api/v1/incidents/:id/report', async (c) => {
    const format = c.req.query('format') ?? 'md';
    if (!isReportFormat(format))
      return fail(
        c,
        400,
        `format: unknown report format '${format}'; use one of ${REPORT_FORMATS.join(', ')}`,
      );
    const view = await g.store.incidentView(c.req.param('id'));
    if (!view) return fail(c, 404, `no incident ${c.req.param('id')}; list them with GET /api/v1/incidents`);
    c.header('content-type', reportRenderer(format).contentType);
    return c.body(renderReport(view, format));
  });
}
