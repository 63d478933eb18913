// Bundle src/ into dist/ with esbuild. Code splitting keeps the AWS SDK, enquirer, execa and
// smol-toml in chunks of their own that load only when a command imports them. dist/ is not
// emptied first, so a test run that reads it while another build runs never finds it missing.
import { build } from 'esbuild';
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20.19',
  minify: true,
  keepNames: true,
  sourcemap: false,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  // CommonJS packages inside an ESM bundle need a real `require` for Node built-ins.
  banner: { js: "import{createRequire as __awsmfaRequire}from'node:module';const require=__awsmfaRequire(import.meta.url);" },
  logLevel: 'warning',
});
