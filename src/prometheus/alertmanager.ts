import type { SilenceMatcherSpec } from '../policy/mutation.ts';
import { assertPermit, type Permit } from '../policy/permit.ts';
import { type HttpClientOptions, HttpJsonClient } from './http.ts';
import type { Labels } from './prometheus.ts';

export type SilenceMatcher = SilenceMatcherSpec;

export interface AmAlert {
  labels: Labels;
  annotations: Labels;
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  generatorURL?: string;
  fingerprint: string;
  receivers: { name: string }[];
  status: { state: 'active' | 'suppressed' | 'unprocessed'; silencedBy: string[]; inhibitedBy: string[] };
}

export interface AlertGroup {
  labels: Labels;
  receiver: { name: string };
  alerts: AmAlert[];
}

export interface Silence {
  id: string;
  matchers: SilenceMatcher[];
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  createdBy: string;
  comment: string;
  status: { state: 'active' | 'pending' | 'expired' };
}

export interface NewSilence {
  matchers: SilenceMatcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

/** An alert as posted to `/api/v2/alerts` (what Prometheus sends; tests and the demo post their own). */
export interface PostableAlert {
  labels: Labels;
  annotations?: Labels;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
}

export interface AlertFilter {
  /** Label matchers, e.g. `alertname="HighErrorRate"`, `namespace=~"prod.*"`. */
  filter?: string[];
  silenced?: boolean;
  inhibited?: boolean;
  active?: boolean;
  unprocessed?: boolean;
  receiver?: string;
}

export interface AlertmanagerStatus {
  cluster: { status: string; peers?: unknown[] };
  versionInfo: Record<string, string>;
  config: { original: string };
  uptime: string;
}

/** The Alertmanager v2 API: alerts, groups, silences, status. */
export class AlertmanagerClient {
  readonly http: HttpJsonClient;

  constructor(options: HttpClientOptions) {
    this.http = new HttpJsonClient('Alertmanager', options);
  }

  get url(): string {
    return this.http.baseUrl;
  }

  alerts(filter: AlertFilter = {}): Promise<AmAlert[]> {
    return this.http.get('/api/v2/alerts', { ...filter });
  }

  groups(filter: AlertFilter = {}): Promise<AlertGroup[]> {
    return this.http.get('/api/v2/alerts/groups', { ...filter });
  }

  postAlerts(alerts: PostableAlert[]): Promise<void> {
    return this.http.postJson('/api/v2/alerts', alerts);
  }

  silences(filter: string[] = []): Promise<Silence[]> {
    return this.http.get('/api/v2/silences', { filter });
  }

  silence(id: string): Promise<Silence> {
    return this.http.get(`/api/v2/silence/${encodeURIComponent(id)}`);
  }

  /** Answers the new silence's id. Like a cluster write, it needs the policy gate's permit. */
  async createSilence(silence: NewSilence, permit: Permit): Promise<string> {
    assertPermit(permit, 'creating a silence');
    const { silenceID } = await this.http.postJson<{ silenceID: string }>('/api/v2/silences', silence);
    return silenceID;
  }

  /** Alertmanager keeps an expired silence (state `expired`) until its retention ends. */
  async expireSilence(id: string, permit: Permit): Promise<void> {
    assertPermit(permit, 'expiring a silence');
    await this.http.delete(`/api/v2/silence/${encodeURIComponent(id)}`);
  }

  status(): Promise<AlertmanagerStatus> {
    return this.http.get('/api/v2/status');
  }

  close(): void {
    this.http.close();
  }
}
