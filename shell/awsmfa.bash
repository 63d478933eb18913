# shellcheck shell=bash
# awsmfa for bash: the function runs the awsmfa program, then evaluates the shell code it
# printed, and only when it exited with status 0. Install: eval "$(awsmfa init bash)"
# `awsmfa exec` runs a command whose output must reach the terminal and never be evaluated,
# so the function runs the program directly when the first word that is not an option is exec.
# With xtrace (set -x) or verbose (set -v) on, the shell would echo the printed code, keys
# and all, to stderr, so the function turns both off while it runs and back on afterwards.
awsmfa() {
  case $- in
    *[xv]*)
      set -- "$-" "$@"
      set +xv
      __awsmfa_flags=$1
      shift
      __awsmfa_run "$@"
      set -- "$?" "$__awsmfa_flags"
      unset __awsmfa_flags
      case $2 in *x*) set -x ;; esac
      case $2 in *v*) set -v ;; esac
      return "$1"
      ;;
  esac
  __awsmfa_run "$@"
}

__awsmfa_run() {
  local __awsmfa_code __awsmfa_status=0 __awsmfa_word
  for __awsmfa_word in "$@"; do
    case $__awsmfa_word in
      -*) ;;
      exec) command awsmfa "$@"; return ;;
      *) break ;;
    esac
  done
  __awsmfa_code=$(AWSMFA_WRAPPER=bash command awsmfa "$@") || __awsmfa_status=$?
  if [ "$__awsmfa_status" -eq 0 ] && [ -n "$__awsmfa_code" ]; then
    eval "$__awsmfa_code"
  fi
  return "$__awsmfa_status"
}
