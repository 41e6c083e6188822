import { isInt, isObj, type Obj, type Problem, shown, stringMap } from './problem.ts';

export function podSpecProblem(spec: unknown, path: string): Problem | undefined {
  if (!isObj(spec)) return { field: path, message: 'is required' };
  const containers = spec.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    return { field: `${path}.containers`, message: 'must be a non-empty list' };
  }
  if (spec.initContainers !== undefined && !Array.isArray(spec.initContainers)) {
    return { field: `${path}.initContainers`, message: 'must be a list' };
  }
  const names = new Set<string>();
  for (const list of ['initContainers', 'containers'] as const) {
    for (const [i, c] of ((spec[list] ?? []) as unknown[]).entries()) {
      const at = `${path}.${list}[${i}]`;
      if (!isObj(c)) return { field: at, message: 'must be a mapping with name and image' };
      for (const field of ['name', 'image']) {
        if (typeof c[field] !== 'string' || !c[field])
          return { field: `${at}.${field}`, message: 'is required' };
      }
      if (names.has(c.name as string))
        return { field: `${at}.name`, message: `duplicate container name "${c.name}"` };
      names.add(c.name as string);
      const problem = portsProblem(c.ports, `${at}.ports`, 'containerPort');
      if (problem) return problem;
    }
  }
  return undefined;
}

export function portsProblem(ports: unknown, path: string, field: string): Problem | undefined {
  if (ports === undefined) return undefined;
  if (!Array.isArray(ports)) return { field: path, message: 'must be a list' };
  for (const [i, port] of ports.entries()) {
    const value = isObj(port) ? port[field] : undefined;
    if (!isInt(value) || value < 1 || value > 65535) {
      return {
        field: `${path}[${i}].${field}`,
        message: `must be a number between 1 and 65535, not ${shown(value)}`,
      };
    }
  }
  return undefined;
}

export function replicasProblem(obj: Obj): Problem | undefined {
  const replicas = isObj(obj.spec) ? obj.spec.replicas : undefined;
  if (replicas !== undefined && !(isInt(replicas) && replicas >= 0)) {
    return { field: 'spec.replicas', message: `must be a whole number >= 0, not ${shown(replicas)}` };
  }
  return undefined;
}

/** Deployments, ReplicaSets, StatefulSets and DaemonSets own the pods their selector matches: the template must match it. */
export function workloadProblem(obj: Obj): Problem | undefined {
  const spec = obj.spec;
  if (!isObj(spec)) return { field: 'spec', message: 'is required' };
  const selector = spec.selector;
  if (!isObj(selector) || (!isObj(selector.matchLabels) && !Array.isArray(selector.matchExpressions))) {
    return { field: 'spec.selector', message: 'is required (matchLabels or matchExpressions)' };
  }
  return templateProblem(spec.template, 'spec.template', selector);
}

function templateProblem(template: unknown, path: string, selector?: Obj): Problem | undefined {
  if (!isObj(template)) return { field: path, message: 'is required' };
  const metadata = isObj(template.metadata) ? template.metadata : {};
  const labels = stringMap(metadata.labels, `${path}.metadata.labels`);
  if (labels) return labels;
  if (selector) {
    const selectorProblem = stringMap(selector.matchLabels, 'spec.selector.matchLabels');
    if (selectorProblem) return selectorProblem;
    if (!matches(selector, (metadata.labels ?? {}) as Record<string, string>)) {
      return {
        field: `${path}.metadata.labels`,
        message: `selector ${JSON.stringify(selector)} does not match template labels ${JSON.stringify(metadata.labels ?? {})}`,
      };
    }
  }
  return podSpecProblem(template.spec, `${path}.spec`);
}

function matches(selector: Obj, labels: Record<string, string>): boolean {
  const matchLabels = (selector.matchLabels ?? {}) as Record<string, string>;
  if (!Object.entries(matchLabels).every(([k, v]) => labels[k] === v)) return false;
  const expressions = (selector.matchExpressions ?? []) as {
    key: string;
    operator: string;
    values?: string[];
  }[];
  return expressions.every(({ key, operator, values = [] }) => {
    const has = Object.hasOwn(labels, key);
    if (operator === 'In') return has && values.includes(labels[key]);
    if (operator === 'NotIn') return !has || !values.includes(labels[key]);
    if (operator === 'Exists') return has;
    if (operator === 'DoesNotExist') return !has;
    return false;
  });
}

export function jobProblem(obj: Obj): Problem | undefined {
  const spec = obj.spec;
  if (!isObj(spec)) return { field: 'spec', message: 'is required' };
  for (const field of ['completions', 'parallelism', 'backoffLimit', 'activeDeadlineSeconds']) {
    if (spec[field] !== undefined && !(isInt(spec[field]) && (spec[field] as number) >= 0)) {
      return { field: `spec.${field}`, message: `must be a whole number >= 0, not ${shown(spec[field])}` };
    }
  }
  const restartPolicy =
    isObj(spec.template) && isObj(spec.template.spec) ? spec.template.spec.restartPolicy : undefined;
  if (restartPolicy !== undefined && restartPolicy !== 'Never' && restartPolicy !== 'OnFailure') {
    return { field: 'spec.template.spec.restartPolicy', message: 'must be Never or OnFailure for a Job' };
  }
  return templateProblem(spec.template, 'spec.template', isObj(spec.selector) ? spec.selector : undefined);
}

export function cronJobProblem(obj: Obj): Problem | undefined {
  const spec = obj.spec;
  if (!isObj(spec)) return { field: 'spec', message: 'is required' };
  if (typeof spec.schedule !== 'string' || !spec.schedule)
    return { field: 'spec.schedule', message: 'is required' };
  const jobSpec = isObj(spec.jobTemplate) ? spec.jobTemplate.spec : undefined;
  if (!isObj(jobSpec)) return { field: 'spec.jobTemplate.spec', message: 'is required' };
  return templateProblem(jobSpec.template, 'spec.jobTemplate.spec.template');
}
