/**
 * A failed call to Prometheus or Alertmanager. The message names the service, the URL (never the
 * credentials) and what the server said — Prometheus's own `errorType: error` where it gave one.
 */
export class PrometheusError extends Error {
  override readonly name = 'PrometheusError';
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    readonly errorType?: string,
  ) {
    super(message);
  }
}

/** An argument that cannot be used as given (a time, a duration, a matcher); the message says what to write. */
export class ArgumentError extends Error {
  override readonly name = 'ArgumentError';
}
