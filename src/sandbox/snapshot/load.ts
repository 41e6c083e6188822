import { readFileSync } from 'node:fs';
import { Composer, LineCounter, Parser } from 'yaml';
import { findByKind, storageKey } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { SnapshotError } from './errors.ts';
import { validateObject } from './validate.ts';

interface Item {
  value: unknown;
  documentIndex: number;
  /** Position inside a List document, 1-based. */
  itemIndex?: number;
}

/**
 * Reads snapshot files — multi-document YAML, or JSON holding one object, a `List` or a typed
 * `*List` — and returns their objects, validated, with namespaced objects defaulted to `default`.
 * Throws SnapshotError naming the file, the document and the field at the first problem.
 */
export function loadSnapshotFiles(paths: string[]): KubeObject[] {
  const objects: KubeObject[] = [];
  const seen = new Map<string, string>();
  for (const path of paths) {
    for (const item of parseFile(path)) {
      for (const entry of expandList(item)) {
        const obj = checked(path, entry);
        const type = findByKind(obj.apiVersion, obj.kind)!;
        if (type.namespaced) obj.metadata.namespace ??= 'default';
        const key = `${storageKey(type)}|${type.namespaced ? obj.metadata.namespace : ''}|${obj.metadata.name}`;
        const first = seen.get(key);
        if (first) {
          throw new SnapshotError(
            path,
            `duplicate of ${first} (same kind, namespace and name)`,
            locate(entry, obj),
          );
        }
        seen.set(key, `${place(entry)} of ${path}`);
        objects.push(obj);
      }
    }
  }
  return objects;
}

function parseFile(path: string): Item[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : (err as Error).message;
    throw new SnapshotError(path, `${reason}; pass a YAML or JSON file of Kubernetes objects`);
  }
  const trimmed = text.trimStart();
  if (path.endsWith('.json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return [{ value: JSON.parse(text), documentIndex: 1 }];
    } catch {
      // YAML reads JSON too, and says on which line the syntax breaks.
      return parseYaml(path, text, 'JSON');
    }
  }
  return parseYaml(path, text, 'YAML');
}

/** Documents are composed one at a time so a 10,000-object file never holds every syntax tree at once. */
function parseYaml(path: string, text: string, syntax: 'YAML' | 'JSON'): Item[] {
  const items: Item[] = [];
  const lines = new LineCounter();
  const documents = new Composer().compose(new Parser(lines.addNewLine).parse(text), true);
  let documentIndex = 0;
  for (const doc of documents) {
    documentIndex++;
    const [error] = doc.errors;
    if (error) {
      const { line, col } = lines.linePos(error.pos[0]);
      const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw new SnapshotError(path, `${syntax} syntax error at line ${line}, column ${col}: ${message}`, {
        documentIndex,
      });
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      throw new SnapshotError(path, `YAML error: ${(err as Error).message}`, { documentIndex });
    }
    if (value !== null && value !== undefined) items.push({ value, documentIndex });
  }
  return items;
}

/** A `List` (or `PodList`…) document stands for its items; a typed list's items may omit kind and apiVersion. */
function expandList(item: Item): Item[] {
  const { value } = item;
  const items = Array.isArray(value) ? value : isListDocument(value) ? (value.items as unknown[]) : undefined;
  if (!items) return [item];
  const listKind = Array.isArray(value) ? 'List' : (value as { kind: string }).kind;
  const apiVersion = Array.isArray(value) ? undefined : (value as { apiVersion?: unknown }).apiVersion;
  return items.map((entry, i) => {
    if (listKind !== 'List' && typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
      const typed = entry as Record<string, unknown>;
      typed.kind ??= listKind.slice(0, -'List'.length);
      typed.apiVersion ??= apiVersion;
    }
    return { value: entry, documentIndex: item.documentIndex, itemIndex: i + 1 };
  });
}

const isListDocument = (value: unknown): value is { kind: string; items: unknown[] } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { kind?: unknown }).kind === 'string' &&
  (value as { kind: string }).kind.endsWith('List') &&
  Array.isArray((value as { items?: unknown }).items);

function checked(path: string, item: Item): KubeObject {
  const problem = validateObject(item.value);
  if (problem)
    throw new SnapshotError(path, problem.message, { ...locate(item, item.value), field: problem.field });
  return item.value as KubeObject;
}

/** `Deployment "api"` when the object says what it is; the List position when it is an item. */
function locate(item: Item, value: unknown): { documentIndex: number; object?: string } {
  const obj = (typeof value === 'object' && value !== null ? value : {}) as {
    kind?: unknown;
    metadata?: { name?: unknown };
  };
  const named =
    typeof obj.kind === 'string' && obj.kind
      ? `${obj.kind}${typeof obj.metadata?.name === 'string' ? ` "${obj.metadata.name}"` : ''}`
      : '';
  const parts = [item.itemIndex === undefined ? '' : `item ${item.itemIndex}`, named].filter(Boolean);
  return { documentIndex: item.documentIndex, ...(parts.length ? { object: parts.join(', ') } : {}) };
}

const place = (item: Item) =>
  `document ${item.documentIndex}${item.itemIndex === undefined ? '' : `, item ${item.itemIndex}`}`;
