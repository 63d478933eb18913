# fish completion for awsmfa: subcommands, options, shells and profile names.
# Works from ~/.config/fish/completions/awsmfa.fish and from `awsmfa init fish | source`.
# The awsmfa program computes the candidates: `awsmfa __complete` reads the words after `awsmfa`
# up to the cursor on stdin, one a line, so that no typed value (such as --code) reaches a
# command line. Its first output line is `values`, `files` or `command N`, where the word at
# index N starts a command that awsmfa exec runs. Candidates follow, one a line, with a tab
# before any description, which is the form complete -a reads. The candidates are data, never
# evaluated.
function __awsmfa_complete --description 'Print completions for the awsmfa command line'
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -q current[1]; or set current ''
    set -l reply (printf '%s\n' $words[2..-1] $current | command awsmfa __complete 2>/dev/null)
    switch "$reply[1]"
        case values
            printf '%s\n' $reply[2..-1]
        case files
            __fish_complete_path $current
        case 'command *'
            set -l start (string replace 'command ' '' -- $reply[1])
            __fish_complete_subcommand --fcs-skip=(math $start + 1)
    end
end

# Erasing first keeps a second source from adding the same completion twice.
complete -c awsmfa -e
complete -c awsmfa -f -a '(__awsmfa_complete)'
