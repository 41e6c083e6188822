import type { AlertmanagerClient } from '../prometheus/alertmanager.ts';
import type { MutedChange, ProcessingRepository } from '../store/repository.ts';

interface AmAlert {
  fingerprint?: unknown;
  status?: { state?: unknown; silencedBy?: unknown; inhibitedBy?: unknown };
}

const ids = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Fingerprint → silences and inhibiting alerts, for every alert Alertmanager mutes now. */
export function mutedAlerts(body: unknown): Map<string, string[]> {
  if (!Array.isArray(body)) throw new Error('expected a list of alerts from /api/v2/alerts');
  const muted = new Map<string, string[]>();
  for (const a of body as AmAlert[]) {
    if (typeof a?.fingerprint !== 'string' || a.status?.state !== 'suppressed') continue;
    const by = [
      ...ids(a.status.silencedBy).map((id) => `silence ${id}`),
      ...ids(a.status.inhibitedBy).map((fp) => `inhibited by ${fp}`),
    ];
    muted.set(a.fingerprint, by.length ? by : ['suppressed']);
  }
  return muted;
}

/**
 * Alertmanager never notifies a silenced or inhibited alert, but one silenced after it joined an
 * incident simply stops arriving — it would look firing forever. So the Monitor asks Alertmanager
 * which alerts it mutes, every `intervalMs`, and records it on the incidents: the bot leaves muted
 * alerts alone (no diagnosis for an incident whose firing alerts are all muted).
 */
export function startAlertmanagerSync(options: {
  alertmanager: Pick<AlertmanagerClient, 'alerts'>;
  store: Pick<ProcessingRepository, 'setSuppressed'>;
  intervalMs?: number;
  onChange?: (changes: MutedChange[]) => void;
  /** Told once when Alertmanager stops answering, and once when it answers again. */
  onUnreachable?: (message: string | null) => void;
}): { syncNow(): Promise<void>; stop(): void } {
  let failing = false;
  const syncNow = async () => {
    let muted: Map<string, string[]>;
    try {
      muted = mutedAlerts(
        await options.alertmanager.alerts({ active: true, silenced: true, inhibited: true }),
      );
    } catch (err) {
      if (!failing)
        options.onUnreachable?.(
          `cannot read which alerts are muted: ${(err as Error).message}; silences are not checked until it answers`,
        );
      failing = true;
      return;
    }
    if (failing) options.onUnreachable?.(null);
    failing = false;
    const changes = await options.store.setSuppressed(muted, new Date().toISOString());
    if (changes.length) options.onChange?.(changes);
  };
  const timer = setInterval(() => void syncNow(), options.intervalMs ?? 30_000);
  timer.unref();
  return { syncNow, stop: () => clearInterval(timer) };
}
