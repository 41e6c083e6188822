import { rt } from '../core/resources.ts';

/** The resource types the controllers read and write, looked up once. */
export const PODS = rt('Pod');
export const NODES = rt('Node');
export const NAMESPACES = rt('Namespace');
export const SERVICES = rt('Service');
export const ENDPOINTS = rt('Endpoints');
export const ENDPOINT_SLICES = rt('EndpointSlice');
export const CONFIG_MAPS = rt('ConfigMap');
export const SECRETS = rt('Secret');
export const PVCS = rt('PersistentVolumeClaim');
export const PVS = rt('PersistentVolume');
export const STORAGE_CLASSES = rt('StorageClass');
export const DEPLOYMENTS = rt('Deployment');
export const REPLICA_SETS = rt('ReplicaSet');
export const STATEFUL_SETS = rt('StatefulSet');
export const DAEMON_SETS = rt('DaemonSet');
export const CONTROLLER_REVISIONS = rt('ControllerRevision');
export const JOBS = rt('Job');
export const CRON_JOBS = rt('CronJob');
export const HPAS = rt('HorizontalPodAutoscaler');
export const LEASES = rt('Lease');
export const EVENTS = rt('Event');
