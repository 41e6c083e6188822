/**
 * What a name alone says about its kind. Pods carry generated suffixes (`api-7d9f8b6c5d-x2x4z`,
 * `api-service-abc123`) or StatefulSet ordinals (`redis-0`); nodes are usually called node-N,
 * worker-N or after their cloud (`ip-10-0-1-5.ec2.internal`, `gke-…`).
 */
export function looksLikePod(name: string): boolean {
  const parts = name.split('-');
  if (parts.length < 2) return false;
  const last = parts[parts.length - 1];
  if (/^\d+$/.test(last)) return true;
  const hashy = (s: string) => /^[a-z0-9]+$/.test(s) && /\d/.test(s) && /[a-z]/.test(s);
  if (last.length >= 5 && hashy(last)) return true;
  return (
    parts.length >= 3 && last.length === 5 && /^[a-z0-9]{5}$/.test(last) && hashy(parts[parts.length - 2])
  );
}

const NODE =
  /^(?:(?:k8s-|kube-)?(?:node|worker|master|minion)(?:-?[a-z]*)?-?\d+[\w.-]*|ip-\d+-.*|(?:gke|aks|eks)-.+|kind-.+|minikube.*|control-plane.*)$/;

export const looksLikeNode = (name: string): boolean =>
  NODE.test(name) && !/exporter|service|svc|api/.test(name);
