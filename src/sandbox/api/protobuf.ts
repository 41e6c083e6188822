import { ApiError, badRequest } from '../core/errors.ts';
import { PROTOBUF_MESSAGES } from './protobuf-schema.ts';

/**
 * Decodes `application/vnd.kubernetes.protobuf` request bodies into the JSON shape the rest of the
 * server reads. client-go's typed clients always write protobuf for built-in kinds, with no
 * fallback to JSON, so `kubectl create namespace x` needs this.
 */
export const PROTOBUF = 'application/vnd.kubernetes.protobuf';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

interface Field {
  number: number;
  name: string;
  type: string;
  repeated: boolean;
  pointer: boolean;
  map: boolean;
  /** Go embeds it without a JSON name: its fields belong to the parent (`volumeSource`, `handler`). */
  inline: boolean;
}

const schemas = new Map<string, Map<number, Field>>();

function schemaOf(message: string): Map<number, Field> | undefined {
  const cached = schemas.get(message);
  if (cached) return cached;
  const spec = PROTOBUF_MESSAGES[message];
  if (spec === undefined) return undefined;
  const fields = new Map<number, Field>();
  for (const token of spec.split(' ').filter(Boolean)) {
    const m = /^(\d+)([*?%^]*)([^:]+):(.+)$/.exec(token);
    if (!m) continue;
    const [, number, flags, name, type] = m;
    fields.set(Number(number), {
      number: Number(number),
      name,
      type,
      repeated: flags.includes('*'),
      pointer: flags.includes('?'),
      map: flags.includes('%'),
      inline: flags.includes('^'),
    });
  }
  schemas.set(message, fields);
  return fields;
}

const malformed = () => badRequest('unable to decode the protobuf request body');

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  get done() {
    return this.pos >= this.buf.length;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw malformed();
      const byte = this.buf[this.pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return result;
      shift += 7n;
    }
    throw malformed();
  }

  bytes(length: number): Buffer {
    if (length < 0 || this.pos + length > this.buf.length) throw malformed();
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  /** The next field's number, wire type and raw value (a bigint for varints, a Buffer otherwise). */
  field(): { number: number; wire: number; value: bigint | Buffer } {
    const key = Number(this.varint());
    const wire = key & 7;
    const number = key >>> 3;
    if (wire === 0) return { number, wire, value: this.varint() };
    if (wire === 1) return { number, wire, value: this.bytes(8) };
    if (wire === 2) return { number, wire, value: this.bytes(Number(this.varint())) };
    if (wire === 5) return { number, wire, value: this.bytes(4) };
    throw malformed();
  }
}

function fieldsOf(buf: Buffer): { number: number; wire: number; value: bigint | Buffer }[] {
  const reader = new Reader(buf);
  const out = [];
  while (!reader.done) out.push(reader.field());
  return out;
}

const asBuffer = (v: bigint | Buffer) => {
  if (typeof v === 'bigint') throw malformed();
  return v;
};

const int = (v: bigint | Buffer) => (typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : Number.NaN);

function rfc3339(fields: ReturnType<typeof fieldsOf>, micro: boolean): string | undefined {
  const seconds = int(fields.find((f) => f.number === 1)?.value ?? 0n);
  const nanos = int(fields.find((f) => f.number === 2)?.value ?? 0n);
  if (!seconds && !nanos) return undefined;
  const iso = new Date(seconds * 1000 + Math.floor(nanos / 1e6)).toISOString();
  return micro
    ? `${iso.slice(0, 19)}.${String(nanos).padStart(9, '0').slice(0, 6)}Z`
    : `${iso.slice(0, 19)}Z`;
}

function goDuration(nanoseconds: number): string {
  let rest = nanoseconds / 1e9;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  rest -= minutes * 60;
  if (hours) return `${hours}h${minutes}m${rest}s`;
  return minutes ? `${minutes}m${rest}s` : `${rest}s`;
}

/** Well-known apimachinery types have their own JSON forms. */
function special(type: string, buf: Buffer): { value: unknown } | undefined {
  const fields = () => fieldsOf(buf);
  const first = (n: number) => fields().find((f) => f.number === n)?.value;
  switch (type) {
    case 'meta.v1.Time':
      return { value: rfc3339(fields(), false) };
    case 'meta.v1.MicroTime':
      return { value: rfc3339(fields(), true) };
    case 'meta.v1.Duration':
      return { value: goDuration(int(first(1) ?? 0n)) };
    case 'intstr.IntOrString': {
      const isString = int(first(1) ?? 0n) === 1;
      const str = first(3);
      return { value: isString ? (str ? asBuffer(str).toString('utf8') : '') : int(first(2) ?? 0n) };
    }
    case 'resource.Quantity': {
      const str = first(1);
      return { value: str ? asBuffer(str).toString('utf8') : '0' };
    }
    case 'runtime.RawExtension':
    case 'meta.v1.FieldsV1': {
      const raw = first(1);
      if (!raw) return { value: undefined };
      try {
        return { value: JSON.parse(asBuffer(raw).toString('utf8')) };
      } catch {
        return { value: undefined };
      }
    }
    default:
      return undefined;
  }
}

function scalar(type: string, value: bigint | Buffer): unknown {
  switch (type) {
    case 'string':
      return asBuffer(value).toString('utf8');
    case 'bytes':
      return asBuffer(value).toString('base64');
    case 'bool':
      return value !== 0n;
    case 'double':
      return asBuffer(value).readDoubleLE(0);
    case 'float':
      return asBuffer(value).readFloatLE(0);
    default:
      return int(value);
  }
}

const isZero = (v: unknown) => v === '' || v === 0 || v === false || v === undefined;

function decodeValue(type: string, value: bigint | Buffer, depth: number): unknown {
  if (!type.includes('.')) return scalar(type, value);
  const known = special(type, asBuffer(value));
  return known ? known.value : decodeMessage(type, asBuffer(value), depth + 1);
}

function decodeMessage(message: string, buf: Buffer, depth: number): Record<string, unknown> {
  if (depth > 64) throw malformed();
  const schema = schemaOf(message);
  const out: Record<string, unknown> = {};
  if (!schema) return out;
  for (const { number, wire, value } of fieldsOf(buf)) {
    const field = schema.get(number);
    if (!field) continue;
    if (field.map) {
      const [keyType, valueType] = field.type.split(',');
      const entry = fieldsOf(asBuffer(value));
      const key = entry.find((f) => f.number === 1);
      const val = entry.find((f) => f.number === 2);
      out[field.name] ??= {};
      const map = out[field.name] as Record<string, unknown>;
      const k = key ? String(scalar(keyType, key.value)) : '';
      Object.defineProperty(map, k, {
        value: val ? decodeValue(valueType, val.value, depth) : valueType === 'string' ? '' : undefined,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      continue;
    }
    if (field.repeated) {
      out[field.name] ??= [];
      const list = out[field.name] as unknown[];
      if (wire === 2 && !field.type.includes('.') && field.type !== 'string' && field.type !== 'bytes') {
        const packed = new Reader(asBuffer(value));
        while (!packed.done) list.push(scalar(field.type, packed.varint()));
      } else list.push(decodeValue(field.type, value, depth));
      continue;
    }
    const decoded = decodeValue(field.type, value, depth);
    if (field.inline && typeof decoded === 'object' && decoded !== null) {
      Object.assign(out, decoded);
      continue;
    }
    if (decoded === undefined || (!field.pointer && isZero(decoded))) continue;
    out[field.name] = decoded;
  }
  return out;
}

/** The schema name for a kind: `apps.v1.Deployment`, `core.v1.Pod`, `meta.v1.DeleteOptions`. */
function messageFor(apiVersion: string, kind: string): string {
  if (kind === 'DeleteOptions') return 'meta.v1.DeleteOptions';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return `${group ? group.split('.')[0] : 'core'}.${version}.${kind}`;
}

export function decodeProtobuf(body: Buffer): Record<string, unknown> {
  if (body.length < MAGIC.length || !body.subarray(0, MAGIC.length).equals(MAGIC)) throw malformed();
  const envelope = fieldsOf(body.subarray(MAGIC.length));
  const typeMeta = fieldsOf(asBuffer(envelope.find((f) => f.number === 1)?.value ?? Buffer.alloc(0)));
  const text = (n: number) => {
    const v = typeMeta.find((f) => f.number === n)?.value;
    return v ? asBuffer(v).toString('utf8') : '';
  };
  const apiVersion = text(1);
  const kind = text(2);
  const message = messageFor(apiVersion, kind);
  if (!PROTOBUF_MESSAGES[message]) {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `the sandbox cannot decode ${kind} ${apiVersion} from protobuf; send JSON`,
    );
  }
  const raw = envelope.find((f) => f.number === 2)?.value;
  const obj = decodeMessage(message, raw ? asBuffer(raw) : Buffer.alloc(0), 0);
  return { apiVersion, kind, ...obj };
}
