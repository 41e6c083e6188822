import { parseArgs } from 'node:util';
import type { Plan } from '../../agent/plan.ts';
import type { Config } from '../../config/types.ts';
import { kubeconfigProblem } from '../../k8s/config.ts';
import { type Command, OperationalError, UsageError } from '../command.ts';
import { loadCliConfig } from '../load-config.ts';

const USAGE = `Usage: sre-nanobot agent -m "MESSAGE" [--plan] [--json] [--yes] [--config P]
                         [--kubeconfig P] [--context C] [-n NS] [--offline]

Ask in Chinese or English: "将 api-service 扩展到 10 个副本", "why is payment-service crashing?",
"roll back web-frontend in staging". Without an LLM configured (or with --offline) a built-in planner
turns the message into tool calls; with one (llm in the config) the model calls the same tools.

Options:
  -m, --message M     what to do or ask (required)
  --plan              print the tool calls decided, run nothing; --json: {"calls":[…]} (+ "question")
  --json              print JSON: {"plan":{"calls":[…]},"results":[{"tool","args","ok","output"}]}
                      (LLM mode adds "answer" and, when a budget ended the run, "stopped")
  -y, --yes           make changes without asking (scale, restart, rollback, delete, drain, apply…)
  --config P          config file (default: $SRE_NANOBOT_CONFIG, ~/.sre-nanobot/config.json)
  --kubeconfig P      kubeconfig file (default: the config's first cluster, $KUBECONFIG, ~/.kube/config)
  --context C         kubeconfig context (default: the config's first cluster, else the current context)
  -n, --namespace NS  namespace meant when the message names none
  --offline           use the built-in planner even when an LLM is configured

Changes: every change passes the policy gate (config "policy"). On a terminal each change asks
"Scale deployment production/api-service to 10 replicas? [y/N]"; without a terminal a change is
refused unless --yes. Read-only calls run directly. Nothing read from logs, events or alerts can
allow a change: the question is written from the call's arguments, and only you answer it.

Exit codes: 0 done; 1 a call failed, a change was declined, the LLM failed or stopped (loop, steps,
tokens, time); 2 bad usage or config, the request needs clarifying, or a change needed --yes with
no terminal to ask on.`;

function parse(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      message: { type: 'string', short: 'm' },
      plan: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      yes: { type: 'boolean', short: 'y', default: false },
      config: { type: 'string' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      namespace: { type: 'string', short: 'n' },
      offline: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length)
    throw new UsageError(`unexpected argument '${positionals[0]}'; pass the message with -m "…" (quoted)`);
  const message = values.message?.trim();
  if (!message)
    throw new UsageError('say what to do with -m, e.g. sre-nanobot agent -m "list pods in production"');
  const kubeconfig = values.kubeconfig && kubeconfigProblem({ kubeconfig: values.kubeconfig });
  if (kubeconfig) throw new UsageError(kubeconfig);
  return { ...values, message };
}

type Options = ReturnType<typeof parse>;

const write = (text: string) => process.stdout.write(text);

async function printPlan(plan: Plan, json: boolean): Promise<number> {
  const { planJson, planText } = await import('../../agent/render.ts');
  write(json ? `${planJson(plan)}\n` : planText(plan));
  return 0;
}

/** The offline planner's plan, run call by call. */
async function runOffline(options: Options, config: Config | undefined): Promise<number> {
  const { planOffline } = await import('../../agent/planner/index.ts');
  const plan = planOffline(options.message, { defaultNamespace: options.namespace });
  if (options.plan) return printPlan(plan, options.json);
  const { planJson, resultsText } = await import('../../agent/render.ts');
  if (!plan.calls.length) {
    const question = plan.question ?? 'I did not understand what to do; rephrase with a resource and a verb';
    write(options.json ? `{"plan":${planJson(plan)},"results":[]}\n` : `${question}\n`);
    return 2;
  }
  const [{ openToolbox }, { executePlan, exitCodeOf }, { terminalApproval }, { stderrProgress }] =
    await Promise.all([
      import('../../agent/tool-sets.ts'),
      import('../../agent/execute.ts'),
      import('../../agent/approval.ts'),
      import('../../agent/progress.ts'),
    ]);
  const toolbox = await openToolbox({
    config: config!,
    kubeconfig: options.kubeconfig,
    context: options.context,
  });
  try {
    const results = await executePlan(plan, {
      toolbox,
      approval: terminalApproval(options.yes),
      progress: stderrProgress(),
    });
    write(
      options.json
        ? `{"plan":${planJson(plan)},"results":${JSON.stringify(results)}}\n`
        : `${resultsText(results)}${plan.question ? `\n${plan.question}\n` : ''}`,
    );
    return exitCodeOf(results);
  } finally {
    toolbox.close();
  }
}

/** The model decides; the same toolbox, checks and confirmations run its calls. */
async function runWithLlm(options: Options, config: Config & { llm: NonNullable<Config['llm']> }) {
  const [{ openToolbox }, { createModel }, { LlmError }] = await Promise.all([
    import('../../agent/tool-sets.ts'),
    import('../../llm/providers/index.ts'),
    import('../../llm/loop.ts'),
  ]);
  const [toolbox, model] = await Promise.all([
    openToolbox({ config, kubeconfig: options.kubeconfig, context: options.context }),
    createModel(config.llm),
  ]);
  const common = {
    model,
    config: config.llm,
    message: options.message,
    toolbox,
    defaultNamespace: options.namespace,
  };
  // A stream that fails partway leaves its text without an end of line: the error starts a new one.
  let midLine = false;
  try {
    if (options.plan) {
      const { planWithLlm } = await import('../../llm/plan.ts');
      return await printPlan(await planWithLlm(common), options.json);
    }
    const [{ runLlmLoop }, { exitCodeOf }, { terminalApproval }, { stderrProgress }] = await Promise.all([
      import('../../llm/loop.ts'),
      import('../../agent/execute.ts'),
      import('../../agent/approval.ts'),
      import('../../agent/progress.ts'),
    ]);
    const progress = stderrProgress();
    progress.note(`asking ${config.llm.preset ?? config.llm.provider} model ${config.llm.model}…`);
    const result = await runLlmLoop({
      ...common,
      approval: terminalApproval(options.yes),
      progress,
      onText: options.json
        ? () => undefined
        : (text) => {
            if (text) midLine = !text.endsWith('\n');
            write(text);
          },
    });
    if (options.json) {
      const plan = { calls: result.results.map(({ tool, args }) => ({ tool, args })) };
      const stopped = result.stopped ? { stopped: result.stopped } : {};
      write(`${JSON.stringify({ plan, results: result.results, answer: result.answer, ...stopped })}\n`);
    } else if (midLine) {
      write('\n');
      midLine = false;
    }
    if (result.stopped) throw new OperationalError(result.stopped.message);
    return exitCodeOf(result.results);
  } catch (err) {
    if (midLine) write('\n');
    if (err instanceof LlmError) throw new OperationalError(err.message);
    throw err;
  } finally {
    toolbox.close();
  }
}

export const agentCommand: Command = {
  name: 'agent',
  summary: 'Ask in Chinese or English: "将 api-service 扩展到 10 个副本"',
  usage: USAGE,
  async run(args) {
    const options = parse(args);
    // A plan from the built-in planner needs no config at all: when there is none (or --offline),
    // neither the config's validation nor any cluster or SDK code is loaded.
    if (options.plan) {
      const { onlyDefaults } = await import('../../config/location.ts');
      if (options.offline || onlyDefaults(options.config)) return runOffline(options, undefined);
    }
    const { config } = await loadCliConfig(options.config);
    if (!config.llm || options.offline) return runOffline(options, config);
    return runWithLlm(options, { ...config, llm: config.llm });
  },
};
