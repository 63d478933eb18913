// Bundle src/ into dist/ with esbuild. Code splitting keeps the AWS SDK, enquirer, execa and
// smol-toml in chunks of their own that load only when a command imports them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20.19',
  minify: true,
  sourcemap: false,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  // CommonJS packages inside an ESM bundle need a real `require` for Node built-ins.
  banner: { js: "import{createRequire as __awsmfaRequire}from'node:module';const require=__awsmfaRequire(import.meta.url);" },
  logLevel: 'warning',
});
