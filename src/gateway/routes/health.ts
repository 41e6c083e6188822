import type { Hono } from 'hono';
import type { GatewayContext } from '../context.ts';

/** Liveness, readiness and the gateway's own metrics; open without auth so probes and scrapers work. */
export function healthRoutes(app: Hono, g: GatewayContext): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', (c) => {
    const reason = g.notReady();
    return reason ? c.json({ status: 'not ready', reason }, 503) : c.json({ status: 'ready' });
  });
  app.get('/metrics', async (c) => {
    c.header('content-type', 'text/plain; version=0.0.4; charset=utf-8');
    return c.body(await g.metrics.render());
  });
}
