import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { ApprovalRecord } from '../../incidents/types.ts';
import { ApprovalAlreadyDecided, StoreNotFound } from '../../store/repository.ts';
import { fail, type GatewayContext } from '../context.ts';
import { formatPath } from '../webhook-schema.ts';
import { listParam } from './query.ts';

const STATUSES: readonly ApprovalRecord['status'][] = ['pending', 'approved', 'rejected', 'expired'];

const decisionSchema = z.object({
  /** Who decides; defaults to the authenticated user or `api`. */
  by: z.string().min(1).max(200).optional(),
  reason: z.string().max(2000).optional(),
});

/** `GET /api/v1/approvals`, `POST /api/v1/approvals/{id}/approve|reject` with `{"by":…,"reason":…}`. */
export function approvalRoutes(app: Hono, g: GatewayContext): void {
  app.get('/api/v1/approvals', async (c) => {
    const approvals = await g.store.listApprovals({
      status: listParam(c, 'status', STATUSES),
      incidentId: c.req.query('incident'),
    });
    return c.json({ approvals });
  });

  const decide = (approved: boolean) => async (c: Context) => {
    const text = await c.req.text();
    let body: unknown = {};
    if (text.trim()) {
      try {
        body = JSON.parse(text);
      } catch (err) {
        return fail(c, 400, `body is not JSON: ${(err as Error).message}`);
      }
    }
    const parsed = decisionSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(c, 400, `${formatPath(issue.path)}: ${issue.message}`);
    }
    try {
      const approval = await g.store.decideApproval(c.req.param('id') ?? '', {
        approved,
        by: parsed.data.by ?? g.auth.user(c.req.header('authorization')) ?? 'api',
        reason: parsed.data.reason ?? null,
        at: new Date().toISOString(),
      });
      g.bus.publish({ type: 'ApprovalDecided', approval });
      return c.json(approval);
    } catch (err) {
      if (err instanceof StoreNotFound) return fail(c, 404, err.message);
      if (err instanceof ApprovalAlreadyDecided) return fail(c, 409, err.message);
      throw err;
    }
  };
  const limit = bodyLimit({ maxSize: 64 * 1024, onError: (c) => fail(c, 413, 'body larger than 64 KiB') });
  app.post('/api/v1/approvals/:id/approve', limit, decide(true));
  app.post('/api/v1/approvals/:id/reject', limit, decide(false));
}
