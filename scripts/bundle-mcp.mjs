#!/usr/bin/env node
// Part of `npm run build`: bundles the MCP servers. The Kubernetes one (src/mcp/k8s/main.ts with the MCP SDK, zod and
// @kubernetes/client-node's kubeconfig module) into dist/vendor/mcp-k8s/ (main.js, and a chunk for the kubeconfig code that loads after the handshake). Loaded as ~1,500 separate
// modules they cost most of a second of start-up; as two files a fraction of that. `sre-nanobot mcp k8s` uses
// the bundle when it exists and the modules themselves when run from source. The Prometheus one
// (src/mcp/prometheus/main.ts with the MCP SDK and zod) goes to dist/vendor/mcp-prometheus/main.js the same way.
import { rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { build } from 'esbuild';

// Chunk names carry content hashes: without this, chunks of earlier builds would pile up beside the new ones.
rmSync('dist/vendor', { recursive: true, force: true });

const common = {
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
};

await build({
  ...common,
  entryPoints: ['src/mcp/k8s/main.ts'],
  outdir: 'dist/vendor/mcp-k8s',
  entryNames: 'main',
  // client-node's kubeconfig module becomes a chunk of its own, loaded once a client is connected.
  splitting: true,
});

/**
 * zod re-exports its ~45 message locales as `z.locales`, and a bundle that imports `z` evaluates
 * them all at start-up; only English is ever configured, so only English is bundled.
 */
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${sep}zod${sep}`)
        ? { path: join(dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};`,
      resolveDir: dirname(args.path),
    }));
  },
};

await build({
  ...common,
  plugins: [englishOnly],
  entryPoints: ['src/mcp/prometheus/main.ts'],
  outdir: 'dist/vendor/mcp-prometheus',
  entryNames: 'main',
  splitting: true,
});
