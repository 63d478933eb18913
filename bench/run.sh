#!/usr/bin/env bash
# Time awsmfa's in-shell paths against `node -e 0` in the same hyperfine run and print each
# as a ratio. Needs hyperfine (Debian package) and a built dist/ (npm run build).
set -euo pipefail
cd "$(dirname "$0")/.."

profiles=${PROFILES:-500}
runs=${RUNS:-40}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
node bench/make-home.mjs "$home" "$profiles"

bin="$PWD/bin/awsmfa.js"
export HOME="$home" XDG_CACHE_HOME="$home/.cache" XDG_CONFIG_HOME="$home/.config" AWSMFA_WRAPPER=bash

run_case() {
  local name=$1 command=$2
  local json="$home/$name.json"
  hyperfine -N --warmup 5 --runs "$runs" --export-json "$json" 'node -e 0' "$command" >/dev/null
  # shellcheck disable=SC2016 # the ${...} below are JavaScript template literals
  node -e '
    const results = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).results;
    const [base, subject] = results.map((r) => r.mean * 1000);
    console.log(`${process.argv[2].padEnd(28)} node -e 0: ${base.toFixed(1)} ms  awsmfa: ${subject.toFixed(1)} ms  ratio: ${(subject / base).toFixed(2)}x`);
  ' "$json" "$name"
}

echo "profiles: $profiles, runs: $runs, node $(node --version), $(nproc) cores"
run_case use-live-session "node $bin use team-250"
if [ -f bench/completion.sh ]; then
  # shellcheck source=/dev/null
  . bench/completion.sh
fi
