# Catalog ids, built-in and user, from errexplain itself.
function __errexplain_catalogs
    command errexplain --catalogs --format line 2>/dev/null | while read -l line
        set -l fields (string split \t -- $line)
        printf '%s\t%s\n' $fields[1] $fields[3]
    end
end

complete -c errexplain -s f -l file -d 'Read a response from this file (`-` for standard input); repeatable' -r -F
complete -c errexplain -s c -l catalog -d 'Only look in this catalog (repeatable)' -r -f -a "(__errexplain_catalogs)"
complete -c errexplain -l format -d 'Output form' -r -f -a "text\t'For people: explanations, with colour on a terminal'
json\t'One JSON document (same as --json)'
line\t'One tab-separated line per match: catalog, code, name, status, class'"
complete -c errexplain -l color -d 'When to use colour' -r -f -a "auto\t'Colour when standard output is a terminal, unless NO_COLOR is set or TERM=dumb'
always\t'Colour even when standard output is not a terminal'
never\t'No colour'"
complete -c errexplain -l list -d 'List every entry, of one catalog or of all' -r -f -a "(__errexplain_catalogs)"
complete -c errexplain -l search -d 'Entries where every word occurs in code, name, meaning, cause or fix' -r
complete -c errexplain -l check-catalog -d 'Check a user catalog file against the catalog schema; name every problem' -r -F
complete -c errexplain -l run -d 'Run CMD with its arguments (everything after --run), pass its output through, and explain its failure on stderr; exit 1/2/3 by class (128+N if a signal N killed it)' -r -f -a "(__fish_complete_command)"
complete -c errexplain -l generate -d 'Print a completion script or the man page' -r -f -a "complete-bash\t'Completion script for bash'
complete-zsh\t'Completion script for zsh'
complete-fish\t'Completion script for fish'
complete-powershell\t'Completion script for PowerShell'
complete-elvish\t'Completion script for elvish'
man\t'The man page (roff)'
json-schema\t'The JSON Schema of --json output (and of --follow --json events)'
catalog-template\t'A commented starting file for a user catalog'"
complete -c errexplain -l json -d 'Print one JSON document (its schema: --generate json-schema)'
complete -c errexplain -s q -l quiet -d 'Print nothing; only the exit status tells'
complete -c errexplain -l catalogs -d 'List the catalogs with entry counts, sources and where each came from'
complete -c errexplain -l follow -d 'Read standard input as a stream (a growing log) and explain each error as it comes; repeats are counted; a summary at the end; exit by the worst class seen'
complete -c errexplain -s h -l help -d 'Print help (see more with \'--help\')'
complete -c errexplain -s V -l version -d 'Print version'
complete -c errexplain -n 'not string match -q -- "-*" (commandline -ct)' -a '(__errexplain_catalogs | string replace -r "\t" ":\t")'
