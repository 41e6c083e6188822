/** Listen addresses only this machine can reach: a server bound to one needs no auth to be safe from the network. */
export const isLoopbackHost = (host: string): boolean => ['127.0.0.1', 'localhost', '::1'].includes(host);

/** A Host header naming a loopback address, with or without a port; a DNS-rebinding page sends its own name. */
export const isLoopbackHostHeader = (header: string | undefined): boolean =>
  /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i.test(header ?? '');
