import type { ContextInfo, KubeconfigSource, LoadedKubeconfig } from './config.ts';
import { Kube } from './kube.ts';
import type { Transport, TransportOptions } from './transport.ts';

/**
 * Every context of a kubeconfig, opened on first use and kept: one keep-alive connection pool and
 * one set of credentials per context, so a call costs one HTTP round trip. A failed load is not
 * kept, so a kubeconfig fixed on disk works on the next call. The loading code (client-node, TLS)
 * is imported on first use, so a server answers its first request before paying for it.
 */
export class Clusters {
  private config?: Promise<LoadedKubeconfig>;
  private readonly kubes = new Map<string, Promise<Kube>>();
  private readonly transports: Transport[] = [];

  constructor(
    private readonly source: KubeconfigSource,
    private readonly options: TransportOptions = {},
  ) {}

  private loaded(): Promise<LoadedKubeconfig> {
    if (!this.config) {
      this.config = import('./config.ts').then((m) => m.loadKubeconfig(this.source));
      this.config.catch(() => {
        this.config = undefined;
      });
    }
    return this.config;
  }

  /** Loads the kubeconfig, client code and default context ahead of the first call; rejects with what is wrong. */
  async warmUp(): Promise<void> {
    await this.kube();
  }

  async contexts(): Promise<ContextInfo[]> {
    return (await this.loaded()).contexts();
  }

  /** The client for `context`, or for the default context (--context, else the kubeconfig's current one). */
  kube(context?: string): Promise<Kube> {
    const key = context ?? '';
    let kube = this.kubes.get(key);
    if (!kube) {
      kube = this.open(context);
      this.kubes.set(key, kube);
      kube.catch(() => this.kubes.delete(key));
    }
    return kube;
  }

  private async open(context: string | undefined): Promise<Kube> {
    const [config, { createTransport }] = await Promise.all([this.loaded(), import('./transport.ts')]);
    const transport = await createTransport(
      config.forContext(context ?? config.defaultContext),
      this.options,
    );
    this.transports.push(transport);
    return new Kube(transport);
  }

  close(): void {
    for (const t of this.transports.splice(0)) t.close();
  }
}
