import type { ResourceType } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { horizontalPodAutoscalerPrinter, podDisruptionBudgetPrinter } from './autoscaling.ts';
import { cronJobPrinter, jobPrinter } from './batch.ts';
import { leasePrinter, namespacePrinter, nodePrinter } from './cluster.ts';
import { configMapPrinter, resourceQuotaPrinter, secretPrinter, serviceAccountPrinter } from './config.ts';
import { defaultPrinter } from './default.ts';
import { eventPrinter } from './events.ts';
import { ingressClassPrinter, ingressPrinter, networkPolicyPrinter } from './networking.ts';
import { podPrinter } from './pods.ts';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac.ts';
import { endpointSlicePrinter, endpointsPrinter, servicePrinter } from './services.ts';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storage.ts';
import type { Printer, Table, TableRow } from './types.ts';
import {
  controllerRevisionPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  statefulSetPrinter,
} from './workloads.ts';

export type {
  PartialObjectMetadata,
  Printer,
  Table,
  TableCell,
  TableColumnDefinition,
  TableRow,
  TableRowCondition,
} from './types.ts';

/** Every kind with its own columns; any other kind gets the server's default NAME / CREATED AT table. */
export const PRINTERS: readonly Printer[] = [
  podPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  statefulSetPrinter,
  daemonSetPrinter,
  controllerRevisionPrinter,
  jobPrinter,
  cronJobPrinter,
  servicePrinter,
  endpointsPrinter,
  endpointSlicePrinter,
  ingressPrinter,
  ingressClassPrinter,
  networkPolicyPrinter,
  nodePrinter,
  namespacePrinter,
  leasePrinter,
  eventPrinter,
  configMapPrinter,
  secretPrinter,
  serviceAccountPrinter,
  resourceQuotaPrinter,
  persistentVolumeClaimPrinter,
  persistentVolumePrinter,
  storageClassPrinter,
  horizontalPodAutoscalerPrinter,
  podDisruptionBudgetPrinter,
  roleBindingPrinter,
  clusterRoleBindingPrinter,
];

const byKind = indexByKind(PRINTERS);

function indexByKind(printers: readonly Printer[]): ReadonlyMap<string, Printer> {
  const index = new Map<string, Printer>();
  for (const printer of printers) {
    for (const kind of printer.kinds) {
      if (index.has(kind)) throw new Error(`duplicate table printer for kind ${kind}`);
      index.set(kind, printer);
    }
  }
  return index;
}

export const printerFor = (kind: string): Printer => byKind.get(kind) ?? defaultPrinter;

export interface TableOptions {
  /** Simulated epoch ms that ages are measured from. */
  now: number;
  /** What each row's `object` holds (`?includeObject=`); Metadata by default, as on the real server. */
  includeObject?: 'None' | 'Metadata' | 'Object';
}

/**
 * The meta.k8s.io/v1 Table the API server answers `Accept: application/json;as=Table;g=meta.k8s.io;v=v1`
 * with: kubectl's columns for the kind, every cell (wide ones too) and the object or its metadata.
 * Objects are only read; rows share their metadata, so serialise the table before changing them.
 */
export function toTable(rt: ResourceType, objects: readonly KubeObject[], options: TableOptions): Table {
  const printer = printerFor(rt.kind);
  const include = options.includeObject ?? 'Metadata';
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {},
    columnDefinitions: printer.columns.map((c) => ({ ...c })),
    rows: objects.map((obj) => {
      const row: TableRow = { cells: printer.cells(obj, options.now) };
      const conditions = printer.conditions?.(obj);
      if (conditions) row.conditions = conditions;
      if (include === 'Object') row.object = obj;
      else if (include === 'Metadata') {
        row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
      }
      return row;
    }),
  };
}
