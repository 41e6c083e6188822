import { Hono } from 'hono';
import { fail, type GatewayContext } from './context.ts';
import { alertRoutes } from './routes/alerts.ts';
import { approvalRoutes } from './routes/approvals.ts';
import { healthRoutes } from './routes/health.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { BadQuery } from './routes/query.ts';

const ROUTES =
  'POST /api/v1/alerts/alertmanager, GET /api/v1/incidents[/{id}[/report]], GET /api/v1/approvals, POST /api/v1/approvals/{id}/approve|reject, /healthz, /readyz, /metrics, /mcp/k8s, /mcp/prometheus (when prometheus.url is configured)';

/** The gateway's HTTP routes (the MCP endpoints are mounted beside it in server.ts). */
export function createApp(g: GatewayContext, onError: (err: Error) => void = () => {}): Hono {
  const app = new Hono();
  app.onError((err, c) => {
    if (err instanceof BadQuery) return fail(c, 400, err.message);
    onError(err);
    return fail(c, 500, `internal error: ${err.message}`);
  });
  app.notFound((c) => fail(c, 404, `no route ${c.req.method} ${c.req.path}; the gateway serves ${ROUTES}`));
  healthRoutes(app, g);
  app.use('/api/*', async (c, next) => {
    if (g.auth(c.req.header('authorization'))) return next();
    if (g.auth.challenge) c.header('www-authenticate', g.auth.challenge);
    return fail(c, 401, g.auth.refusal);
  });
  alertRoutes(app, g);
  incidentRoutes(app, g);
  approvalRoutes(app, g);
  return app;
}
