// `npm run bench [name…]`: runs the named benchmarks (default: all) and prints their tables.

import { runAgentBench } from './agent.ts';
import { runAlertStormBench } from './alert-storm.ts';
import { runDiagnosisBench } from './diagnosis.ts';
import { runMcpK8sBench } from './mcp-k8s.ts';
import { runMcpPrometheusBench } from './mcp-prometheus.ts';
import { runSandboxBench } from './sandbox.ts';

const BENCHES: Record<string, () => Promise<void>> = {
  sandbox: runSandboxBench,
  'mcp-k8s': runMcpK8sBench,
  'mcp-prometheus': runMcpPrometheusBench,
  diagnosis: runDiagnosisBench,
  agent: runAgentBench,
  'alert-storm': runAlertStormBench,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in BENCHES));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  console.log(`\n## ${name}\n`);
  await BENCHES[name]();
}
