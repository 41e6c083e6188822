export { applySnapshot } from './apply.ts';
export { SnapshotError, type SnapshotLocation } from './errors.ts';
export { loadSnapshotFiles } from './load.ts';
export { LOGS_ANNOTATION, PREVIOUS_LOGS_ANNOTATION } from './logs.ts';
