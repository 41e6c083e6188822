import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Bus } from '../bus/bus.ts';
import type { IncidentStore, Router } from '../store/repository.ts';
import type { AuthCheck } from './auth.ts';
import type { GatewayMetrics } from './metrics.ts';

/** What the routes need; server.ts builds it, tests build their own. */
export interface GatewayContext {
  store: IncidentStore;
  bus: Bus;
  router: Router;
  metrics: GatewayMetrics;
  auth: AuthCheck;
  maxBodyBytes: number;
  /** Webhook requests between arrival and answer, and when the last one came or went (performance.now()). */
  intake: { inFlight: number; lastActivity: number };
  /** Why the gateway is not ready yet (backlog after a crash, shutting down), or null when it is. */
  notReady: () => string | null;
}

/** Every error leaves as `{"error": "what is wrong and how to fix it"}`. */
export const fail = (c: Context, status: ContentfulStatusCode, message: string) =>
  c.json({ error: message }, status);
