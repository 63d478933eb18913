# shellcheck shell=bash
# bash completion for awsmfa: subcommands, options, shells and profile names.
# The awsmfa program computes the candidates: `awsmfa __complete` reads the words after `awsmfa`
# up to the cursor on stdin, one a line, so that no typed value (such as --code) reaches a
# command line. Its first output line is `values`, `files` or `command N`, where the word at
# index N starts a command that awsmfa exec runs. Candidates follow, one a line, with a tab
# before any description. The candidates are data: this function never evaluates them.
__awsmfa_complete() {
  local __awsmfa_line=${COMP_LINE:0:COMP_POINT}
  local __awsmfa_kind __awsmfa_current __awsmfa_keep __awsmfa_candidate
  local __awsmfa_breaks=${COMP_WORDBREAKS:-' '}
  local -a __awsmfa_words=() __awsmfa_reply=()
  # Split at blanks only. COMP_WORDS also splits at COMP_WORDBREAKS characters (such as :, = and
  # @ by default), which profile names and --option=value contain.
  read -r -a __awsmfa_words <<<"$__awsmfa_line"
  if [[ -z $__awsmfa_line || $__awsmfa_line == *[[:blank:]] ]]; then
    __awsmfa_words+=('')
  fi
  __awsmfa_current=${__awsmfa_words[${#__awsmfa_words[@]} - 1]}
  COMPREPLY=()
  {
    IFS= read -r __awsmfa_kind
    mapfile -t __awsmfa_reply
  } < <(printf '%s\n' "${__awsmfa_words[@]:1}" | command awsmfa __complete 2>/dev/null)

  case $__awsmfa_kind in
    values)
      # bash replaces only the text after the last COMP_WORDBREAKS character of the word.
      __awsmfa_keep=${__awsmfa_current%"${__awsmfa_current##*["$__awsmfa_breaks"]}"}
      for __awsmfa_candidate in "${__awsmfa_reply[@]}"; do
        __awsmfa_candidate=${__awsmfa_candidate%%$'\t'*}
        COMPREPLY+=("${__awsmfa_candidate#"$__awsmfa_keep"}")
      done
      ;;
    files)
      compopt -o default 2>/dev/null
      ;;
    'command '*)
      if ((${__awsmfa_kind#command } == ${#__awsmfa_words[@]} - 2)); then
        mapfile -t COMPREPLY < <(compgen -c -- "$__awsmfa_current")
      else
        compopt -o default 2>/dev/null
      fi
      ;;
  esac
  return 0
}
complete -F __awsmfa_complete awsmfa
