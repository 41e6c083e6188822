import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { IngestResult } from '../../store/repository.ts';
import { fail, type GatewayContext } from '../context.ts';
import { parseWebhook } from '../webhook-schema.ts';

type Answer =
  | { status: 202; body: { accepted: number; duplicates: number; incidents: string[] } }
  | { status: 400 | 503; body: { error: string } };

/**
 * `POST /api/v1/alerts/alertmanager`: parse, validate, store durably in one transaction, answer
 * 202 with the incidents the alerts joined. Processing (the Monitor) happens after the answer.
 */
export function alertRoutes(app: Hono, g: GatewayContext): void {
  const { metrics } = g;

  async function accept(text: string): Promise<Answer> {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (err) {
      return { status: 400, body: { error: `body is not JSON: ${(err as Error).message}` } };
    }
    const parsed = parseWebhook(body);
    if (!parsed.ok) return { status: 400, body: { error: parsed.reason } };
    const { payload } = parsed;
    let result: IngestResult;
    try {
      result = await g.store.ingest(
        {
          id: randomUUID(),
          receivedAt: new Date().toISOString(),
          receiver: payload.receiver,
          groupKey: payload.groupKey,
          rawBody: text,
          alerts: payload.alerts,
        },
        g.router,
      );
    } catch (err) {
      return {
        status: 503,
        body: {
          error: `could not store the alerts: ${(err as Error).message}; nothing was kept, retry later`,
        },
      };
    }
    metrics.alertsReceived.inc(result.accepted);
    metrics.alertsDeduplicated.inc(result.duplicates);
    g.bus.publish({ type: 'AlertsReceived', ...result });
    return {
      status: 202,
      body: { accepted: result.accepted, duplicates: result.duplicates, incidents: result.incidents },
    };
  }

  app.post(
    '/api/v1/alerts/alertmanager',
    bodyLimit({
      maxSize: g.maxBodyBytes,
      onError: (c) => {
        metrics.webhookRequests.inc(1, { code: '413' });
        // The rest of the body stays unread: the connection cannot carry another request.
        c.header('connection', 'close');
        return fail(
          c,
          413,
          `body larger than ${g.maxBodyBytes} bytes; raise gateway.maxBodyBytes or lower max_alerts in the Alertmanager receiver`,
        );
      },
    }),
    async (c) => {
      g.intake.inFlight++;
      g.intake.lastActivity = performance.now();
      const started = performance.now();
      let code = 500;
      try {
        const answer = await accept(c.req.raw.signal.aborted ? '' : await c.req.text());
        code = answer.status;
        return c.json(answer.body, answer.status);
      } finally {
        g.intake.inFlight--;
        g.intake.lastActivity = performance.now();
        metrics.webhookRequests.inc(1, { code: String(code) });
        metrics.webhookDuration.observe((performance.now() - started) / 1000);
      }
    },
  );
}
