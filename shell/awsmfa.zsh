# shellcheck shell=bash
# awsmfa for zsh: the function runs the awsmfa program, then evaluates the shell code it
# printed, and only when it exited with status 0. Install: eval "$(awsmfa init zsh)"
# (shellcheck has no zsh mode; this file uses only syntax that bash shares.)
# `awsmfa exec` runs a command whose output must reach the terminal and never be evaluated,
# so the function runs the program directly when the first word that is not an option is exec.
awsmfa() {
  # With xtrace on, zsh would echo the printed code, keys and all, to stderr; local_options
  # turns it back on when the function returns.
  setopt local_options no_xtrace no_verbose
  local __awsmfa_code __awsmfa_status=0 __awsmfa_word
  for __awsmfa_word in "$@"; do
    case $__awsmfa_word in
      -*) ;;
      exec) command awsmfa "$@"; return ;;
      *) break ;;
    esac
  done
  __awsmfa_code=$(AWSMFA_WRAPPER=zsh command awsmfa "$@") || __awsmfa_status=$?
  if [ "$__awsmfa_status" -eq 0 ] && [ -n "$__awsmfa_code" ]; then
    eval "$__awsmfa_code"
  fi
  return "$__awsmfa_status"
}
