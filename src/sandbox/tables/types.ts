import type { KubeObject } from '../core/types.ts';

/** meta.k8s.io/v1 TableColumnDefinition: every field is always present, as the API server sends it. */
export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  /** 0 for the default columns; 1 for those kubectl shows only with `-o wide`. */
  priority: number;
}

export type TableCell = string | number | boolean;

export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface PartialObjectMetadata {
  kind: 'PartialObjectMetadata';
  apiVersion: 'meta.k8s.io/v1';
  metadata: KubeObject['metadata'];
}

export interface TableRow {
  cells: TableCell[];
  conditions?: TableRowCondition[];
  object?: PartialObjectMetadata | KubeObject;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/**
 * The server-side printer for some kinds (k8s.io/kubernetes pkg/printers/internalversion): its
 * columns, and one row of cells per object. The API server always prints wide, so `cells` holds
 * a value for every column, priority 1 included; kubectl hides those without `-o wide`.
 */
export interface Printer {
  kinds: readonly string[];
  columns: readonly TableColumnDefinition[];
  cells(obj: KubeObject, now: number): TableCell[];
  conditions?(obj: KubeObject): TableRowCondition[] | undefined;
}
