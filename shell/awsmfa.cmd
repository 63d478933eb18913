@rem awsmfa for cmd: defines the doskey macro awsmfa, which runs the awsmfa program with
@rem AWSMFA_WRAPPER=cmd and runs each line that it prints as a cmd command.
@rem Install: awsmfa init cmd > "%USERPROFILE%\awsmfa-init.cmd", then run that file in every cmd
@rem window, for example from the AutoRun value of HKCU\Software\Microsoft\Command Processor.
@rem Running it twice defines the same macro again; it prints nothing, and it leaves echo as it was.
@rem
@rem How it works: for /f reads the program's output through a pipe, so no secret is written to
@rem a temporary file, and each line (a set or echo command) runs with for-variable expansion.
@rem The program prints code only when it succeeds, and values hold only characters that cmd keeps
@rem as they are; anything else makes it fail with a message instead.
@rem
@rem Limits:
@rem - for /f cannot read the program's exit status, so the macro cannot check it; the program
@rem   prints no code on stdout when it fails.
@rem - doskey macros work only at the interactive prompt, not in batch files, pipes or after &.
@rem   There, and to print data with characters outside that set (awsmfa env --format json),
@rem   call the program by its file name (awsmfa.cmd) and, in a batch file, read it with for /f.
@rem - awsmfa exec sends the command's standard output to standard error under the macro, so that
@rem   it is never run as code.
@rem - The macro sets AWSMFA_WRAPPER in this window while the program runs and removes it after.
@doskey awsmfa=set "AWSMFA_WRAPPER=cmd" $T for /f "delims=" %%L in ('awsmfa $*') do @%%L $T set "AWSMFA_WRAPPER="
