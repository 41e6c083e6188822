/**
 * The words that signal what a request is about, as data. A cue lists English phrases (matched as
 * whole words; a trailing `*` matches any ending) and Chinese substrings. The same words form the
 * vocabulary that typo correction aims at and that is never mistaken for an object's name.
 */
interface Cue {
  /** English phrases separated by `|`. */
  en: string;
  /** Chinese substrings separated by `|`. */
  zh: string;
}

export const CUES = {
  read: {
    en: "show|list|get|display|describe|check|view|see|fetch|print|give me|tell me|look at|inspect|find|what are|what is|what's|which|how many|how is|how's|details|info|ls|kubectl",
    zh: '查看|看看|看一下|看下|瞧瞧|看|查询|查一下|查下|查|列出|列一下|列举|列|显示|展示|获取|给我|告诉我|描述|详情|信息|有哪些|有什么|哪些|多少|怎么样|如何|是多少',
  },
  diagnose: {
    en: "why|root cause|diagnos*|troubleshoot*|investigate|debug|what's wrong|what is wrong|what went wrong|keeps crashing|keeps restarting|keeps failing|keep crashing|crashlooping|crash looping|crashloop|not starting|won't start|wont start|failing to start|not working|is broken|is down|broken|anything wrong|something wrong|any problems|any issues|problem|problems|issue|issues",
    zh: '为什么|为啥|为何|怎么回事|什么原因|啥原因|原因|诊断|排查|根因|异常|不正常|一直重启|不断重启|反复重启|频繁重启|老是重启|总是重启|一直崩溃|起不来|启动不了|无法启动|启动失败|挂了|出问题|有问题|什么问题|出故障|故障',
  },
  analyze: {
    en: 'analy*|look into|figure out',
    zh: '分析|怎么了|咋了|看看怎么',
  },
  fix: {
    en: 'fix|repair|resolve|remediate|heal|handle|deal with|take care of|respond to',
    zh: '修复|修一下|修好|解决|处理|搞定|恢复',
  },
  alert: { en: 'alert|alerts|alerting|alarm|alarms|firing', zh: '告警|报警|警报' },
  scale: {
    en: 'scale|scale up|scale down|scale out|scale in|resize',
    zh: '扩容|缩容|扩展|扩缩|伸缩|扩到|缩到|扩至|缩至|扩成|缩成|缩减到|扩大到|缩小到',
  },
  replicas: { en: 'replica|replicas|instances|copies', zh: '副本|实例' },
  setVerb: {
    en: 'set|change|make|bump|increase|decrease|raise|lower|reduce|adjust|update|modify|give|grow|shrink|need|want|should have',
    zh: '调整|调成|调到|调为|调|改成|改为|改到|改|设置|设为|设成|设|变成|增加|提高|提升|降低|减少|加到|加大|放大|提到|降到|加|需要|要有|保持',
  },
  restart: {
    en: 'restart|reboot|bounce|redeploy|recycle',
    zh: '重启|重新启动|重新部署|重新拉起',
  },
  rollback: {
    en: 'rollback|roll back|undo|revert|roll it back',
    zh: '回滚|回退|退回|还原',
  },
  delete: {
    en: 'delete|remove|kill|rm|destroy|wipe|nuke|purge|terminate|get rid of',
    zh: '删除|删掉|删了|删|干掉|杀掉|杀死|移除|清除|清空|销毁|去掉',
  },
  cordon: {
    en: 'cordon|mark unschedulable',
    zh: '封锁|禁止调度|停止调度|不可调度|隔离',
  },
  uncordon: {
    en: 'uncordon|mark schedulable|make schedulable',
    zh: '解除封锁|取消封锁|解封|解除隔离|取消隔离|恢复调度|允许调度|重新可调度',
  },
  drain: { en: 'drain|evacuate|evict', zh: '排空|驱逐|腾空' },
  stop: { en: 'stop|shut down|shutdown|pause', zh: '停止|停掉|停了|关掉|关闭|下线' },
  resource: {
    en: 'limit|limits|request|requests|memory|mem|cpu|resources',
    zh: '内存|限制|请求|资源|cpu',
  },
  silence: { en: 'silence|silences|mute|snooze|suppress', zh: '静默|屏蔽|免打扰' },
  expire: {
    en: 'expire|unsilence|unmute|cancel|delete|remove|lift|end',
    zh: '取消|删除|解除|移除|过期|结束',
  },
  logs: { en: 'log|logs|tail|stdout', zh: '日志|输出' },
  events: { en: 'event|events', zh: '事件' },
  history: {
    en: 'history|revisions|rollout history|versions|releases|changelog',
    zh: '历史|版本记录|发布记录|历史版本|版本列表|修订|变更记录|有哪些版本',
  },
  health: {
    en: 'health|healthy|status|overview|summary|state|ok|okay|fine|doing|going on',
    zh: '健康|状态|状况|概况|概览|总览|情况|正常吗|还好吗',
  },
  cluster: { en: 'cluster|clusters|k8s|kubernetes', zh: '集群' },
  latency: {
    en: 'latency|latencies|response time|response times|slow|slowness|duration',
    zh: '延迟|延时|时延|响应时间|耗时|慢',
  },
  errorRate: {
    en: 'error rate|error ratio|errors rate|failure rate|5xx|error percentage|errors per second',
    zh: '错误率|失败率|报错率|出错率|5xx|错误比例|错误比率',
  },
  requestRate: {
    en: 'request rate|requests per second|request count|qps|rps|tps|throughput|traffic|req/s|how many requests|requests per minute',
    zh: '请求量|请求数|请求率|吞吐|流量|qps|访问量|调用量|每秒请求',
  },
  usage: {
    en: 'usage|utilization|utilisation|consumption|used|using|consume|consuming|load',
    zh: '使用率|使用量|使用情况|用量|利用率|占用|消耗|使用|负载|用了多少',
  },
  cpu: { en: 'cpu|cpus|processor', zh: 'cpu|处理器' },
  memory: { en: 'memory|mem|ram', zh: '内存' },
  top: {
    en: 'top|most|heaviest|biggest|highest|largest|hungriest|hogging|consumers|ranking|ranked|rank',
    zh: '最耗|最吃|最占|占用最多|用得最多|消耗最多|最多|最高|最大|排行|排名|前几',
  },
  compare: {
    en: 'compare|compared|comparison|vs|versus|than|against|relative to',
    zh: '对比|比较|相比|比一下|比起|环比|同比',
  },
  query: { en: 'promql|query|run|evaluate|execute', zh: '查询语句|执行查询|执行|运行' },
  rules: { en: 'rules|rule|alerting rules|recording rules', zh: '规则' },
  targets: { en: 'targets|scrape targets|scrape', zh: '抓取目标|采集目标|监控目标|抓取|采集' },
  metricsList: { en: 'metrics|metric names|metric', zh: '指标' },
  prometheus: { en: 'prometheus|prom', zh: '普罗米修斯' },
  contexts: { en: 'context|contexts|kubeconfig|kube contexts', zh: '上下文|集群列表|有哪些集群|哪些集群' },
  greeting: {
    en: 'hello|hi|hey|thanks|thank you|good morning|good evening|yo|help|what can you do|who are you',
    zh: '你好|您好|嗨|谢谢|早上好|晚上好|下午好|帮助|你能做什么|你是谁|在吗',
  },
  negation: {
    en: "don't|do not|dont|never|no need to|without|not",
    zh: '不要|别|不用|不需要|无需|勿',
  },
  bulk: {
    en: 'all|every|everything|each|any',
    zh: '所有|全部|一切|全都|每个|每一个|所有的|全体',
  },
} satisfies Record<string, Cue>;

export type CueName = keyof typeof CUES;

/**
 * English words that carry no object name: function words, fillers and adjectives that come up in
 * requests. Together with the cue words they are never taken for the name of a pod or deployment.
 */
export const STOPWORDS: readonly string[] = (
  'a an the of for in on at from to into onto with by up down out off over under about as is are was were be been being ' +
  'do does did done has have had can could would will shall should may might must please pls plz kindly just now right ' +
  'quickly asap immediately again also too then and or but so if than that this these those there here it its them they ' +
  'their i me my mine we us our you your he she his her what whats which who whom whose how when where why ' +
  'some any no none not yes ok okay all every each both either neither other another one ones ' +
  'currently current latest last first previous next new old recent recently past since until before after ago during ' +
  'within inside across between per via using only same such very much many more less few little lot lots ' +
  'crashing failing broken unhealthy healthy pending running stuck bad good ready failed completed succeeded ' +
  'namespace namespaces named called name container containers pod pods lines line times time ' +
  'hour hours minute minutes second seconds day days week weeks today yesterday tonight morning ' +
  'want need like let lets going gonna wanna try trying go see look give tell know think ' +
  'thing things stuff something anything everything nothing someone anyone everyone ' +
  'happening happened going on wrong issue issues problem problems error errors warning warnings ' +
  'level percentile quantile median average avg mean max min total rate rates ratio ' +
  'cores core millicores gb gi mb mi ki kb gib mib percent version revision rev release ' +
  'zero dry run true false yaml json wide output label labels selector tag tags matching containing contains ' +
  'grep filter filtered keyword word words text string ' +
  'uses use doing does going looks seems seem got getting gets having makes made take takes took keep kept ' +
  'happen happens work works working worked runs eat eats eating hog hogs spike spiking spikes high low higher ' +
  'lower fast big small large huge hot full empty free available enough tell shows showing listed listing ' +
  'way ways kind kinds type types please thing about around again already still yet even ever really ' +
  'outage outages incident incidents failure failures crash crashes says say said mean means meaning explain live lives exist exists belong belongs located sit sits ' +
  'two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty hundred'
).split(/\s+/);
