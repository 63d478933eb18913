# shellcheck shell=sh
# awsmfa for POSIX sh shells such as dash (the tests run it in dash): the function runs the
# awsmfa program, then evaluates the shell code it printed, and only when it exited with status 0.
# Install: eval "$(awsmfa init sh)"
# POSIX sh has no local variables, so the function uses names with the private __awsmfa_
# prefix. It unsets them before it returns, because the code it evaluates may contain secret keys.
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
  for __awsmfa_word in "$@"; do
    case $__awsmfa_word in
      -*) ;;
      exec) unset __awsmfa_word; command awsmfa "$@"; return ;;
      *) break ;;
    esac
  done
  unset __awsmfa_word
  __awsmfa_status=0
  __awsmfa_code=$(AWSMFA_WRAPPER='sh' command awsmfa "$@") || __awsmfa_status=$?
  if [ "$__awsmfa_status" -eq 0 ] && [ -n "$__awsmfa_code" ]; then
    eval "$__awsmfa_code"
  fi
  # The status moves to $1 so that both variables can be unset before the return.
  set -- "$__awsmfa_status"
  unset __awsmfa_code __awsmfa_status
  return "$1"
}
