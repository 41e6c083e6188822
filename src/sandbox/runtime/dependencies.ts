import { rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { type CertificateInfo, secretCertificate } from './certificates.ts';
import type { Peer, Protocol } from './profiles/index.ts';
import { DEPENDS_ON, parseDependencies, type ServiceRef } from './topology.ts';
import { annotation, mainContainer, profileOf, type World } from './world.ts';

export type DependencyState =
  | 'ok'
  | 'refused'
  | 'dns-timeout'
  | 'no-such-host'
  | 'too-many-clients'
  | 'cert-expired'
  | 'upstream-error';

export interface DependencyHealth {
  service: ServiceRef;
  peer: Peer;
  state: DependencyState;
  /** Share of the calls to this dependency that fail. */
  failureRatio: number;
  /** Share of the dependent's requests that call this dependency. */
  weight: number;
  /** What the dependent answers its own clients when the call fails. */
  status: number;
  notAfter?: number;
}

const TICK_MS = 1_000;
/** Share of a dependent's requests that need each kind of dependency. */
const WEIGHTS: Record<Protocol, number> = { postgres: 0.7, redis: 0.3, http: 0.5, dns: 0.2, none: 0.2 };
const SECRET = rt('Secret');
const SERVICE = rt('Service');

/**
 * How the services a workload declares it depends on look from its side: resolvable (cluster DNS
 * up), reachable (ready endpoints), accepting connections (database slots), trusted (certificate
 * valid) and answering without errors. Computed once per simulated second.
 */
export class DependencyModel {
  private tick = -1;
  private readonly cache = new Map<string, DependencyHealth>();
  private dns?: boolean;

  constructor(private readonly world: World) {}

  private refresh(): void {
    const tick = Math.floor(this.world.clock.now() / TICK_MS);
    if (tick === this.tick) return;
    this.tick = tick;
    this.cache.clear();
    this.dns = undefined;
  }

  /** Cluster DNS answers when kube-system/kube-dns has a ready endpoint (or the cluster has no kube-dns). */
  dnsHealthy(): boolean {
    this.refresh();
    if (this.dns === undefined) {
      const svc = this.world.store.get(SERVICE, 'kube-system', 'kube-dns');
      this.dns = !svc || this.world.topology.readyEndpoints('kube-system', 'kube-dns').count > 0;
    }
    return this.dns;
  }

  dnsIP(): string {
    return this.world.store.get(SERVICE, 'kube-system', 'kube-dns')?.spec?.clusterIP ?? '10.96.0.10';
  }

  /** Health of each dependency a pod (or pod template) declares, as seen from `namespace`. */
  of(podOrTemplate: KubeObject | undefined, namespace: string): DependencyHealth[] {
    const deps = parseDependencies(annotation(podOrTemplate, DEPENDS_ON), namespace);
    return deps.map((dep) => {
      this.refresh();
      let health = this.cache.get(dep.key);
      if (!health) {
        health = this.dependencyHealth(dep);
        this.cache.set(dep.key, health);
      }
      return health;
    });
  }

  /** How a client reaches a service: its DNS name, cluster IP, first port and what it speaks. */
  peer(dep: ServiceRef): Peer {
    const svc = this.world.store.get(SERVICE, dep.namespace, dep.name);
    const host = `${dep.name}.${dep.namespace}.svc.cluster.local`;
    if (!svc) return { host, ip: '', port: 0, protocol: 'http', tls: false };
    const backend = this.world.topology.backendOf(dep.namespace, dep.name);
    const port = svc.spec?.ports?.[0];
    const protocol = backend ? profileOf(backend.template, mainContainer(backend.template)).protocol : 'http';
    const ip = svc.spec?.clusterIP && svc.spec.clusterIP !== 'None' ? svc.spec.clusterIP : '10.96.0.1';
    const tls = !!(backend && this.servingCertificate(dep.namespace, backend.template));
    return { host, ip, port: Number(port?.port ?? 80), protocol, tls };
  }

  /** The certificate a workload serves: the first `kubernetes.io/tls` Secret its template mounts. */
  servingCertificate(
    namespace: string,
    template: KubeObject,
  ): { secretName: string; certificate?: CertificateInfo } | undefined {
    for (const volume of template.spec?.volumes ?? []) {
      const secretName = volume.secret?.secretName;
      if (!secretName) continue;
      const secret = this.world.store.get(SECRET, namespace, secretName);
      if (secret?.type === 'kubernetes.io/tls') return { secretName, certificate: secretCertificate(secret) };
    }
    return undefined;
  }

  private dependencyHealth(dep: ServiceRef): DependencyHealth {
    const peer = this.peer(dep);
    const health = (state: DependencyState, failureRatio = 1, status = 503): DependencyHealth => ({
      service: dep,
      peer,
      state,
      failureRatio,
      weight: WEIGHTS[peer.protocol],
      status,
    });
    if (!this.dnsHealthy()) return health('dns-timeout', 1, 504);
    if (!peer.port) return health('no-such-host', 1, 500);
    if (this.world.traffic.isComputing(dep.key)) return health('ok', 0);
    const upstream = this.world.traffic.service(dep.namespace, dep.name);
    if (!upstream || upstream.readyEndpoints === 0) return health('refused', 1, 503);
    if (peer.protocol === 'postgres' && this.world.databases.postgres(dep.namespace, dep.name).exhausted) {
      return health('too-many-clients', 0.85, 500);
    }
    const backend = this.world.topology.backendOf(dep.namespace, dep.name);
    const cert = backend && this.servingCertificate(dep.namespace, backend.template)?.certificate;
    const now = this.world.clock.now();
    if (cert && (cert.notAfter < now || cert.notBefore > now)) {
      return { ...health('cert-expired', 1, 502), notAfter: cert.notAfter };
    }
    if (peer.protocol === 'http' && upstream.errorRatio > 0.0005) {
      return health('upstream-error', upstream.errorRatio, 502);
    }
    return health('ok', 0);
  }
}
