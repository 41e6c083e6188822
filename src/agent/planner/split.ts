/**
 * Compound messages → one request each: "查看 production 的 pod 并且看 api-service 的日志",
 * "scale api-service to 3 and then restart web-frontend". A message is cut at a connector only when
 * a verb follows it, outside quotes and brackets — "pods and services" and "api-service 和
 * web-frontend" stay one request (one call per kind or name), "重启 x, namespace=y" too.
 */
const CONNECTOR =
  /^(?:[;!?]+|,|\.(?=\s)|\s+(?:and\s+then|and\s+also|and|then|also|after\s+that|afterwards|plus)(?=\s)|然后|并且|并|接着|同时|之后|再|以及|还有|另外|顺便|和)/;
const FILLER =
  /^(?:\s|please|pls|also|then|just|only|and|instead|再|也|请|帮我|帮忙|麻烦|顺便|一下|只是|只|就|仅|改为|而是|,)*/;
const VERBS = String.raw`(?:(?:show|list|get|check|view|display|describe|restart|scale|roll\s*back|rollback|undo|delete|remove|kill|cordon|uncordon|drain|tail|give|tell|find|fetch|print|look|see|analy[sz]e|diagnose|silence|mute|query|compare|set|raise|increase|bump|lower|reduce|what|which|how|why|top|run|revert|evict)(?![\w-])|查看|查|看|列出|列|显示|获取|给我|告诉我|重启|扩容|缩容|扩|缩|回滚|回退|删除|删|封锁|隔离|解除|排空|驱逐|分析|诊断|排查|静默|屏蔽|调整|设置|修改|把|将|对比|比较|检查)`;
const VERB_START = new RegExp(`^${VERBS}`);
const HAS_VERB = new RegExp(`(?:^|[^a-z])${VERBS}`);

/** Phrases that start like a verb but are options of the request before ("…, 删除 emptydir 数据"). */
const OPTION = /^(?:删除?\s*emptydir|delete\s+(?:the\s+)?(?:emptydir|local)|忽略|跳过|ignor|强制|force)/;

export interface Part {
  raw: string;
  low: string;
}

/** Offsets where a new request starts: after a connector that a verb follows, at nesting depth 0. */
function cuts(low: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < low.length; i++) {
    const ch = low[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === '`') {
      quote = ch;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth || i === 0) continue;
    const connector = CONNECTOR.exec(low.slice(i));
    if (!connector) continue;
    const after = i + connector[0].length;
    const rest = low.slice(after);
    const filler = FILLER.exec(rest)![0].length;
    const next = rest.slice(filler);
    if (VERB_START.test(next) && !OPTION.test(next) && HAS_VERB.test(low.slice(found.at(-1)?.end ?? 0, i))) {
      found.push({ start: i, end: after });
      i = after - 1;
    }
  }
  return found;
}

export function splitRequests(raw: string, low: string): Part[] {
  const parts: Part[] = [];
  let from = 0;
  for (const cut of cuts(low)) {
    parts.push({ raw: raw.slice(from, cut.start).trim(), low: low.slice(from, cut.start).trim() });
    from = cut.end;
  }
  parts.push({ raw: raw.slice(from).trim(), low: low.slice(from).trim() });
  return parts.filter((p) => p.low.replace(/[\s,;.!?]/g, '').length > 0);
}
