#!/usr/bin/env node
// AWS SDK v3 warns on stderr about Node 20 support; that line is noise under the shell wrapper.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// A prompt whose input ends (Ctrl-D, a closed terminal) leaves nothing for Node to wait on, and
// Node would exit with status 13 and no message. Treat that as a cancel: status 130.
let finished = false;
process.once('beforeExit', () => {
  if (!finished) {
    process.stderr.write('\nawsmfa: cancelled: the input ended before an answer\n');
    process.exit(130);
  }
});

const { run } = await import('../dist/cli.js');
const exitCode = await run(process.argv.slice(2), process.env);
finished = true;
// Exit at once: the SDK's keep-alive sockets would otherwise hold the process open.
process.stdout.write('', () => process.exit(exitCode));
