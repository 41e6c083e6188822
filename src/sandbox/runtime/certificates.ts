import { createHash, createPrivateKey, createPublicKey, sign, X509Certificate } from 'node:crypto';

/**
 * Real X.509 certificates for TLS secrets, so `openssl x509 -enddate` on a secret's `tls.crt` tells the
 * same story as the simulated applications: an expired certificate is expired because of the bytes in
 * the secret, and renewing it means writing a new certificate there.
 */

export interface CertificateRequest {
  commonName: string;
  dnsNames?: string[];
  notBefore: number;
  notAfter: number;
  /** Keys are derived from the seed, so the same request yields the same key pair. */
  seed?: string;
}

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

export interface CertificateInfo {
  subject: string;
  dnsNames: string[];
  notBefore: number;
  notAfter: number;
}

const ED25519_OID = Buffer.from([0x06, 0x03, 0x2b, 0x65, 0x70]);
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  const n = body.length;
  const length =
    n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
};

const seq = (...items: Buffer[]) => tlv(0x30, ...items);

const oid = (dotted: string): Buffer => {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = arc >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
};

const time = (ms: number): Buffer => {
  const iso = new Date(ms).toISOString();
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  const year = new Date(ms).getUTCFullYear();
  return year >= 1950 && year < 2050
    ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`))
    : tlv(0x18, Buffer.from(`${digits}Z`));
};

const name = (commonName: string) => seq(tlv(0x31, seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName)))));

const pem = (label: string, der: Buffer) =>
  `-----BEGIN ${label}-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END ${label}-----\n`;

/** A self-signed Ed25519 certificate with the given validity window and DNS names. */
export function issueCertificate(request: CertificateRequest): IssuedCertificate {
  const seed = createHash('sha256')
    .update(request.seed ?? `${request.commonName}|${request.notBefore}|${request.notAfter}`)
    .digest();
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const serial = createHash('sha1').update(seed).update(String(request.notAfter)).digest().subarray(0, 16);
  serial[0] &= 0x7f;
  const dnsNames = request.dnsNames ?? [request.commonName];
  const san = seq(...dnsNames.map((dns) => tlv(0x82, Buffer.from(dns))));
  const extensions = tlv(0xa3, seq(seq(oid('2.5.29.17'), tlv(0x04, san))));
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    tlv(0x02, serial),
    seq(ED25519_OID),
    name(request.commonName),
    seq(time(request.notBefore), time(request.notAfter)),
    name(request.commonName),
    spki,
    extensions,
  );
  const signature = sign(null, tbs, privateKey);
  const der = seq(tbs, seq(ED25519_OID), tlv(0x03, Buffer.from([0]), signature));
  return {
    certPem: pem('CERTIFICATE', der),
    keyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

const parsed = new Map<string, CertificateInfo | null>();

/** The first certificate of a PEM bundle; undefined when the text holds no parseable certificate. */
export function readCertificate(pemText: string): CertificateInfo | undefined {
  const cached = parsed.get(pemText);
  if (cached !== undefined) return cached ?? undefined;
  let info: CertificateInfo | null = null;
  try {
    const cert = new X509Certificate(pemText);
    info = {
      subject: cert.subject.replace(/\n/g, ', '),
      dnsNames: (cert.subjectAltName ?? '')
        .split(', ')
        .filter((n) => n.startsWith('DNS:'))
        .map((n) => n.slice(4)),
      notBefore: Date.parse(cert.validFrom),
      notAfter: Date.parse(cert.validTo),
    };
  } catch {
    info = null;
  }
  if (parsed.size > 1_000) parsed.clear();
  parsed.set(pemText, info);
  return info ?? undefined;
}

/** The certificate in a `kubernetes.io/tls` Secret's `tls.crt` (base64 in `data`, or `stringData`). */
export function secretCertificate(secret: { [key: string]: unknown }): CertificateInfo | undefined {
  const encoded = (secret.data as Record<string, string> | undefined)?.['tls.crt'];
  const text =
    encoded !== undefined
      ? Buffer.from(encoded, 'base64').toString('utf8')
      : (secret.stringData as Record<string, string> | undefined)?.['tls.crt'];
  return text ? readCertificate(text) : undefined;
}
