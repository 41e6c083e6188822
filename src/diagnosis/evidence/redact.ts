import { X509Certificate } from 'node:crypto';
import type { K8sObject, KeyedObject } from './shapes.ts';

/**
 * Secrets and ConfigMaps as the diagnosis keeps them: names and keys, never values. A TLS Secret's
 * certificate is read here, once, for its validity dates and names, and then dropped with the rest.
 */
export function keysOnly(obj: K8sObject): KeyedObject {
  const data = (obj.data ?? {}) as Record<string, string>;
  const keys = [
    ...Object.keys(data),
    ...Object.keys((obj.binaryData ?? {}) as object),
    ...Object.keys((obj.stringData ?? {}) as object),
  ];
  const { data: _d, binaryData: _b, stringData: _s, ...rest } = obj;
  const out: KeyedObject = { ...rest, metadata: withoutLastApplied(obj.metadata), keys: [...new Set(keys)] };
  if (obj.kind === 'Secret') {
    const pem = certificatePem(
      data['tls.crt'],
      (obj.stringData as Record<string, string> | undefined)?.['tls.crt'],
    );
    const certificate = pem && readCertificate(pem);
    if (certificate) out.certificate = certificate;
  }
  return out;
}

/** kubectl apply keeps the whole object, values included, in this annotation. */
function withoutLastApplied(meta: K8sObject['metadata']): K8sObject['metadata'] {
  const annotations = meta.annotations;
  if (!annotations?.['kubectl.kubernetes.io/last-applied-configuration']) return meta;
  const { 'kubectl.kubernetes.io/last-applied-configuration': _, ...kept } = annotations;
  return { ...meta, annotations: kept };
}

function certificatePem(base64: string | undefined, plain: string | undefined): string | undefined {
  if (plain?.includes('BEGIN CERTIFICATE')) return plain;
  if (!base64) return undefined;
  const text = Buffer.from(base64, 'base64').toString('utf8');
  return text.includes('BEGIN CERTIFICATE') ? text : undefined;
}

function readCertificate(pem: string): KeyedObject['certificate'] | undefined {
  try {
    const cert = new X509Certificate(pem);
    const dnsNames = (cert.subjectAltName ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.startsWith('DNS:'))
      .map((s) => s.slice(4));
    const subject = /CN=([^\n,]+)/.exec(cert.subject)?.[1] ?? cert.subject;
    const notBefore = Date.parse(cert.validFrom);
    const notAfter = Date.parse(cert.validTo);
    if (Number.isNaN(notAfter)) return undefined;
    return { subject, dnsNames, notBefore, notAfter };
  } catch {
    return undefined;
  }
}
