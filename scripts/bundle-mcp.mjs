#!/usr/bin/env node
// Part of `npm run build`: bundles the Kubernetes MCP server (src/mcp/k8s/main.ts with the MCP SDK, zod and
// @kubernetes/client-node's kubeconfig module) into dist/vendor/mcp-k8s/ (main.js, and a chunk for the kubeconfig code that loads after the handshake). Loaded as ~1,500 separate
// modules they cost most of a second of start-up; as two files a fraction of that. `sre-nanobot mcp k8s` uses
// the bundle when it exists and the modules themselves when run from source.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/mcp/k8s/main.ts'],
  outdir: 'dist/vendor/mcp-k8s',
  entryNames: 'main',
  // client-node's kubeconfig module becomes a chunk of its own, loaded once a client is connected.
  splitting: true,
  bundle: true,
  minifyWhitespace: true,
  minifySyntax: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // CommonJS dependencies inside the bundle (ajv, js-yaml's users) still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'eof',
  logLevel: 'warning',
});
