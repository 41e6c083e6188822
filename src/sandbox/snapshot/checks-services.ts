import { portsProblem } from './checks-pods.ts';
import { isInt, isObj, type Obj, type Problem, shown, stringMap } from './problem.ts';

export function serviceProblem(obj: Obj): Problem | undefined {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const selector = stringMap(spec.selector, 'spec.selector');
  if (selector) return selector;
  const ports = spec.ports;
  const portless = spec.type === 'ExternalName' || spec.clusterIP === 'None';
  if (ports === undefined || (Array.isArray(ports) && ports.length === 0)) {
    return portless ? undefined : { field: 'spec.ports', message: 'must list at least one port' };
  }
  const problem = portsProblem(ports, 'spec.ports', 'port');
  if (problem) return problem;
  for (const [i, port] of (ports as Obj[]).entries()) {
    const at = `spec.ports[${i}]`;
    const target = port.targetPort;
    if (
      target !== undefined &&
      !(typeof target === 'string' ? target : isInt(target) && target >= 1 && target <= 65535)
    ) {
      return {
        field: `${at}.targetPort`,
        message: `must be a port number or a port name, not ${shown(target)}`,
      };
    }
    if (port.nodePort !== undefined && !isInt(port.nodePort))
      return { field: `${at}.nodePort`, message: 'must be a number' };
    if (port.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(port.protocol as string)) {
      return { field: `${at}.protocol`, message: 'must be TCP, UDP or SCTP' };
    }
    if ((ports as Obj[]).length > 1 && (typeof port.name !== 'string' || !port.name)) {
      return { field: `${at}.name`, message: 'is required when a Service has more than one port' };
    }
  }
  return undefined;
}

export function hpaProblem(obj: Obj): Problem | undefined {
  const spec = obj.spec;
  if (!isObj(spec)) return { field: 'spec', message: 'is required' };
  const ref = spec.scaleTargetRef;
  for (const field of ['kind', 'name']) {
    if (!isObj(ref) || typeof ref[field] !== 'string')
      return { field: `spec.scaleTargetRef.${field}`, message: 'is required' };
  }
  if (!isInt(spec.maxReplicas) || spec.maxReplicas < 1) {
    return {
      field: 'spec.maxReplicas',
      message: `must be a whole number >= 1, not ${shown(spec.maxReplicas)}`,
    };
  }
  if (spec.minReplicas !== undefined && !(isInt(spec.minReplicas) && spec.minReplicas >= 1)) {
    return {
      field: 'spec.minReplicas',
      message: `must be a whole number >= 1, not ${shown(spec.minReplicas)}`,
    };
  }
  return undefined;
}

export function eventProblem(obj: Obj): Problem | undefined {
  const involved = obj.involvedObject;
  for (const field of ['kind', 'name']) {
    if (!isObj(involved) || typeof involved[field] !== 'string')
      return { field: `involvedObject.${field}`, message: 'is required' };
  }
  return undefined;
}
