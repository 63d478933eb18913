#!/usr/bin/env node
// AWS SDK v3 warns on stderr about Node 20 support; that line is noise under the shell wrapper.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { run } = await import('../dist/cli.js');
const exitCode = await run(process.argv.slice(2), process.env);
// Exit at once: the SDK's keep-alive sockets would otherwise hold the process open.
process.stdout.write('', () => process.exit(exitCode));
