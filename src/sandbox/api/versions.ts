import { apiVersionOf, findStoredKind, type ResourceType } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import { isRecord } from './decode.ts';

/**
 * Kinds served in several versions share one stored form (the first listed, e.g. autoscaling/v2 HPAs);
 * requests in another version are converted on the way in and out.
 */
export const storedTypeOf = (rt: ResourceType): ResourceType =>
  rt.virtual ? rt : (findStoredKind(rt.kind, rt.group) ?? rt);

export const needsConversion = (rt: ResourceType) => storedTypeOf(rt) !== rt;

type Converter = (obj: KubeObject) => KubeObject;
type Obj = Record<string, any>;

const cpuUtilization = (metrics: unknown, side: 'target' | 'current'): number | undefined => {
  if (!Array.isArray(metrics)) return undefined;
  const cpu = metrics.find(
    (m) => isRecord(m) && m.type === 'Resource' && (m.resource as Obj)?.name === 'cpu',
  );
  const value = cpu?.resource?.[side]?.averageUtilization;
  return typeof value === 'number' ? value : undefined;
};

const hpaV2ToV1: Converter = (obj) => {
  const spec = isRecord(obj.spec) ? obj.spec : {};
  const status = isRecord(obj.status) ? obj.status : undefined;
  const { metrics, behavior: _behavior, ...specRest } = spec;
  const target = cpuUtilization(metrics, 'target');
  const out: KubeObject = {
    ...obj,
    apiVersion: 'autoscaling/v1',
    spec: { ...specRest, ...(target !== undefined ? { targetCPUUtilizationPercentage: target } : {}) },
  };
  if (status) {
    const { currentMetrics, conditions: _conditions, ...statusRest } = status;
    const current = cpuUtilization(currentMetrics, 'current');
    out.status = {
      ...statusRest,
      ...(current !== undefined ? { currentCPUUtilizationPercentage: current } : {}),
    };
  }
  return out;
};

const hpaV1ToV2: Converter = (obj) => {
  const spec = isRecord(obj.spec) ? obj.spec : {};
  const { targetCPUUtilizationPercentage: target, ...specRest } = spec;
  const out: KubeObject = {
    ...obj,
    apiVersion: 'autoscaling/v2',
    spec: {
      ...specRest,
      ...(typeof target === 'number'
        ? {
            metrics: [
              {
                type: 'Resource',
                resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } },
              },
            ],
          }
        : {}),
    },
  };
  if (isRecord(obj.status)) {
    const { currentCPUUtilizationPercentage: current, ...statusRest } = obj.status;
    out.status = {
      ...statusRest,
      ...(typeof current === 'number'
        ? {
            currentMetrics: [
              { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } },
            ],
          }
        : {}),
    };
  }
  return out;
};

const CONVERTERS: Record<string, Converter> = {
  'autoscaling/v2>autoscaling/v1': hpaV2ToV1,
  'autoscaling/v1>autoscaling/v2': hpaV1ToV2,
};

function convert(obj: KubeObject, apiVersion: string): KubeObject {
  if (obj.apiVersion === apiVersion) return obj;
  const converter = CONVERTERS[`${obj.apiVersion}>${apiVersion}`];
  return converter ? converter(obj) : { ...obj, apiVersion };
}

/** The stored object as the request's version shows it (the same object when no conversion applies). */
export const toRequestVersion = (rt: ResourceType, obj: KubeObject) => convert(obj, apiVersionOf(rt));

/** A decoded body in whatever served version, as stored. */
export const toStorageVersion = (rt: ResourceType, obj: KubeObject) =>
  convert(obj, apiVersionOf(storedTypeOf(rt)));
