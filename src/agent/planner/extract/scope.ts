import { isKnownWord } from '../cues.ts';
import { blank, type Segment, take } from '../segment.ts';
import { looksLikeNode } from './shapes.ts';

/** A DNS-1123 label or subdomain as a capture group. */
export const NAME = '([a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)';
const END = '(?![a-z0-9_/-])(?!\\.[a-z0-9])';
const NS_WORD = '(?:命名空间|名称空间|名字空间|namespace|ns)';

/** Namespace names common enough to be read as a namespace wherever they appear. */
export const COMMON_NAMESPACES: ReadonlySet<string> = new Set(
  'production prod staging stage default kube-system kube-public monitoring dev development test testing qa uat preprod pre-prod infra logging ingress-nginx istio-system cert-manager'.split(
    ' ',
  ),
);

const usable = (name: string | undefined): name is string =>
  Boolean(name) && !/^\d+$/.test(name!) && !isKnownWord(name!);

function setNamespace(seg: Segment, name: string | undefined): boolean {
  if (!usable(name) || seg.slots.namespace) return false;
  seg.slots.namespace = name;
  return true;
}

/** namespace=x, -n x, --namespace x, 在 x 命名空间, x 命名空间的, in the x namespace, 命名空间为 x … */
function explicitNamespace(seg: Segment): void {
  const explicit = [
    new RegExp(`(?<![\\w-])(?:--namespace|-n)(?:\\s*=\\s*|\\s+)${NAME}${END}`),
    new RegExp(`(?<![\\w-])${NS_WORD}\\s*(?:=|:|为|是|选|用)\\s*${NAME}${END}`),
    new RegExp(
      `(?:在\\s*)?(?<![\\w-])${NAME}(?:\\s+(?:namespace|ns)(?![\\w-])|\\s*(?:这个\\s*)?(?:命名空间|名称空间|名字空间|空间|环境))(?:\\s*(?:下|里|中|内|上))?`,
    ),
    new RegExp(`(?:命名空间|名称空间|名字空间|(?<![\\w-])namespace)\\s+${NAME}${END}`),
  ];
  for (const re of explicit) take(seg, re, (m) => setNamespace(seg, m.low(1)));
}

/** -A, all namespaces, 所有命名空间, cluster-wide: only the quantifier is used up, the kind word stays. */
function allNamespaces(seg: Segment): void {
  const on = () => {
    seg.slots.allNamespaces = true;
  };
  take(seg, /(?<![\w-])(?:--all-namespaces|-a)(?![\w-])|cluster[\s-]?wide|(?:整个|全)集群|集群范围/, on);
  take(
    seg,
    new RegExp(`(?:all\\s+(?:the\\s+)?|every\\s+|each\\s+|across\\s+(?:all\\s+)?)(?=${NS_WORD})`),
    on,
  );
  take(seg, new RegExp(`(?:所有的?|全部的?|各个?|每个)\\s*(?=${NS_WORD})`), on);
  take(seg, /(?:the\s+)?(?:whole|entire)\s+cluster|集群(?:中|里|内)的?(?=\s*所有)/, on);
}

/** --context x, context=x, in the x cluster, x 集群. */
function kubeContext(seg: Segment): void {
  const set = (name: string | undefined) => {
    if (!usable(name) || seg.slots.context) return false;
    seg.slots.context = name;
  };
  take(seg, new RegExp(`(?<![\\w-])(?:--context|context)\\s*(?:=|:|\\s)\\s*${NAME}${END}`), (m) =>
    set(m.low(1)),
  );
  take(
    seg,
    new RegExp(`(?:在\\s*)?(?<![\\w-])${NAME}\\s*(?:cluster|集群)(?![\\w-])(?:\\s*(?:上|里|中))?`),
    (m) => set(m.low(1)),
  );
}

/** Words that might be a namespace or an object name ("in shop", "shop 里"): decided by the intent. */
function implicitNamespace(seg: Segment): void {
  const maybe = (name: string | undefined) => {
    if (!usable(name)) return false;
    if (COMMON_NAMESPACES.has(name!)) return setNamespace(seg, name);
    if (looksLikeNode(name!)) return false;
    seg.slots.maybeNamespace.push(name!);
  };
  take(
    seg,
    new RegExp(`(?<![\\w-])(?:in|inside|within)\\s+(?:the\\s+)?${NAME}${END}(?!\\s*(?:cluster|集群))`),
    (m) => maybe(m.low(1)),
  );
  take(
    seg,
    new RegExp(`在\\s*${NAME}(?:\\s*(?:里|中|下|内))?|(?<![\\w-])${NAME}\\s*(?:里面|里|中|内)(?:的)?`),
    (m) => maybe(m.low(1) ?? m.low(2)),
  );
  for (const m of seg.rest.matchAll(new RegExp(`(?<![\\w./-])${NAME}${END}`, 'g'))) {
    if (COMMON_NAMESPACES.has(m[1]) && !seg.slots.namespace) {
      seg.slots.namespace = m[1];
      blank(seg, m.index, m.index + m[1].length);
    }
  }
}

/** Pods on a node: "on node-1", "在 node-1 上", "node-1 上的". */
function onNode(seg: Segment): void {
  const set = (name: string | undefined) => {
    if (!usable(name) || seg.slots.nodeName) return false;
    seg.slots.nodeName = name;
  };
  take(seg, new RegExp(`(?<![\\w-])on\\s+(?:the\\s+)?(?:node|host|machine)\\s+${NAME}${END}`), (m) =>
    set(m.low(1)),
  );
  take(seg, new RegExp(`(?<![\\w-])on\\s+(?:the\\s+)?${NAME}${END}`), (m) =>
    looksLikeNode(m.low(1)!) ? set(m.low(1)) : false,
  );
  take(seg, new RegExp(`在\\s*(节点\\s*)?(?<![\\w-])${NAME}\\s*(节点)?\\s*上`), (m) =>
    m.low(1) || m.low(3) || looksLikeNode(m.low(2)!) ? set(m.low(2)) : false,
  );
  take(seg, new RegExp(`(?:节点\\s*)?(?<![\\w-])${NAME}\\s*(?:节点)?\\s*上(?:的|面|运行|跑)`), (m) =>
    set(m.low(1)),
  );
}

export function extractScope(seg: Segment): void {
  explicitNamespace(seg);
  allNamespaces(seg);
  kubeContext(seg);
}

export function extractImplicitScope(seg: Segment): void {
  onNode(seg);
  implicitNamespace(seg);
}
