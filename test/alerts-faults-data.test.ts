// Storage, database, DNS and certificate faults through the whole alerting loop, concurrently in one
// sandbox: each alert fires in real Prometheus, reaches a webhook through real Alertmanager naming
// the object, and resolves after the right fix.
import { type AlertCase, describeAlertLoop } from './helpers/alert-loop.ts';
import { renewTlsSecret } from './helpers/kubectl.ts';

const PROD = 'production';
const STAGING = 'staging';

/** A fresh self-signed certificate for the host, written into the Secret the way an operator would. */
const CASES: AlertCase[] = [
  {
    fault: { type: 'pvc_full', namespace: PROD, target: 'statefulset/postgres' },
    namespace: PROD,
    object: 'data-postgres-0',
    fix: (l) =>
      l.kubectl([
        'patch',
        'pvc',
        'data-postgres-0',
        '-n',
        PROD,
        '-p',
        '{"spec":{"resources":{"requests":{"storage":"100Gi"}}}}',
      ]),
  },
  {
    fault: { type: 'db_connections_exhausted', namespace: STAGING, target: 'statefulset/postgres' },
    namespace: STAGING,
    object: 'postgres',
    fix: (l, fault) => l.kubectl(['rollout', 'restart', `deployment/${fault.params.client}`, '-n', STAGING]),
  },
  {
    fault: { type: 'dns_failure', namespace: 'kube-system', target: 'deployment/coredns' },
    namespace: 'kube-system',
    object: 'kube-dns',
    fix: (l) => l.kubectl(['rollout', 'restart', 'deployment/coredns', '-n', 'kube-system']),
  },
  {
    fault: { type: 'cert_expired', namespace: PROD, target: 'secret/api-tls' },
    namespace: PROD,
    object: 'api-tls',
    fix: (l) =>
      renewTlsSecret(l.kubectl, l.sandbox.dir, {
        namespace: PROD,
        secret: 'api-tls',
        host: 'api.shop.example.com',
      }),
  },
];

describeAlertLoop('data, DNS and certificate faults', CASES, { concurrent: true });
