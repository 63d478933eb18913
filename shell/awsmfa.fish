# awsmfa for fish: the function runs the awsmfa program, then evaluates the shell code it
# printed, and only when it exited with status 0. Install: awsmfa init fish | source
# `awsmfa exec` runs a command whose output must reach the terminal and never be evaluated,
# so the function runs the program directly when the first word that is not an option is exec.
function awsmfa --description 'Run awsmfa and apply the shell code it prints'
    # With fish_trace on, fish would echo the printed code, keys and all; an empty local
    # fish_trace turns tracing off inside this function only.
    set -l fish_trace
    for __awsmfa_word in $argv
        switch $__awsmfa_word
            case '-*'
                continue
            case exec
                command awsmfa $argv
                return $status
        end
        break
    end
    # string collect keeps the output as one string; $pipestatus[1] is the program's status.
    set -l __awsmfa_code (AWSMFA_WRAPPER=fish command awsmfa $argv | string collect)
    set -l __awsmfa_status $pipestatus[1]
    if test $__awsmfa_status -eq 0; and test -n "$__awsmfa_code"
        eval $__awsmfa_code
    end
    return $__awsmfa_status
end
