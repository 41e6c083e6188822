// Workload faults through the whole alerting loop: each fault injected into one sandbox (concurrently,
// on distinct workloads), its alert fires in real Prometheus, reaches a webhook through real
// Alertmanager naming the object, and resolves after the right fix. CPU and latency faults avoid
// production/api-service, whose HPA would scale it under them.
import { type AlertCase, describeAlertLoop } from './helpers/alert-loop.ts';

const PROD = 'production';
const STAGING = 'staging';

const CASES: AlertCase[] = [
  {
    fault: { type: 'crash_loop', namespace: PROD, target: 'deployment/web-frontend' },
    namespace: PROD,
    object: /^web-frontend-/,
    fix: (l) => l.kubectl(['rollout', 'restart', 'deployment/web-frontend', '-n', PROD]),
  },
  {
    fault: { type: 'oom', namespace: PROD, target: 'deployment/payment-service' },
    namespace: PROD,
    object: /^payment-service-/,
    fix: (l) =>
      l.kubectl(['set', 'resources', 'deployment/payment-service', '-n', PROD, '--limits=memory=2Gi']),
  },
  {
    fault: { type: 'high_latency', namespace: PROD, target: 'deployment/checkout' },
    namespace: PROD,
    object: 'checkout',
    fix: (l) => l.kubectl(['scale', 'deployment/checkout', '-n', PROD, '--replicas=8']),
  },
  {
    fault: { type: 'high_error_rate', namespace: PROD, target: 'deployment/api-service' },
    namespace: PROD,
    object: 'api-service',
    fix: (l) => l.kubectl(['rollout', 'undo', 'deployment/api-service', '-n', PROD, '--to-revision=1']),
  },
  {
    fault: { type: 'image_pull', namespace: STAGING, target: 'deployment/web-frontend' },
    namespace: STAGING,
    object: /^web-frontend-/,
    fix: (l) => l.kubectl(['rollout', 'undo', 'deployment/web-frontend', '-n', STAGING, '--to-revision=1']),
  },
  {
    fault: { type: 'bad_release', namespace: STAGING, target: 'deployment/api-service' },
    namespace: STAGING,
    object: 'api-service',
    fix: (l) => l.kubectl(['rollout', 'undo', 'deployment/api-service', '-n', STAGING, '--to-revision=1']),
  },
  {
    fault: { type: 'cpu_saturation', namespace: STAGING, target: 'deployment/checkout' },
    namespace: STAGING,
    object: /^checkout-/,
    fix: (l) => l.kubectl(['set', 'resources', 'deployment/checkout', '-n', STAGING, '--limits=cpu=2']),
  },
  {
    // Two simulated minutes to the first OOM kill keeps the leak's cycle inside the alert's window.
    fault: {
      type: 'memory_leak',
      namespace: STAGING,
      target: 'deployment/payment-service',
      params: { minutesToOom: 2 },
    },
    namespace: STAGING,
    object: /^payment-service-/,
    fix: (l) => l.kubectl(['rollout', 'restart', 'deployment/payment-service', '-n', STAGING]),
  },
];

describeAlertLoop('workload faults', CASES, { concurrent: true });
