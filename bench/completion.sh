# shellcheck shell=bash
# Completion cases for bench/run.sh, which sources this file after it defines run_case and $bin
# and exports a HOME with $PROFILES profiles (team-000, team-001, …). A warm-up run writes the
# profile cache, which awsmfa does only for AWS files older than 2 s. bench/make-home.mjs
# dates the files a minute back, so the cache is written at once.
# shellcheck disable=SC2154  # $bin is set by bench/run.sh, which sources this file
run_case completion-500 "node $bin __complete use team-2"
run_case list-names-500 "node $bin list --names"
