/** Where in a snapshot a problem is: the document (1-based), the object it describes, the field. */
export interface SnapshotLocation {
  documentIndex?: number;
  /** `Deployment "api"`, or `item 3` of a List when the item has no kind and name yet. */
  object?: string;
  field?: string;
}

/**
 * A snapshot file that cannot be loaded, worded for the person who wrote it:
 * `snapshot production.yaml: document 3 (Deployment "api"): spec.template.spec.containers: must be a non-empty list`.
 * The CLI prints the message and exits 2.
 */
export class SnapshotError extends Error {
  readonly documentIndex?: number;
  readonly field?: string;

  constructor(
    readonly file: string,
    readonly problem: string,
    where: SnapshotLocation = {},
  ) {
    const document = where.documentIndex === undefined ? '' : ` document ${where.documentIndex}`;
    const object = where.object ? ` (${where.object})` : '';
    const field = where.field ? ` ${where.field}:` : '';
    super(`snapshot ${file}:${document}${object}${document || object ? ':' : ''}${field} ${problem}`);
    this.name = 'SnapshotError';
    this.documentIndex = where.documentIndex;
    this.field = where.field;
  }
}
