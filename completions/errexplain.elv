
use builtin;
use str;

set edit:completion:arg-completer[errexplain] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'errexplain'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'errexplain'= {
            cand -f 'Read a response from this file (`-` for standard input); repeatable'
            cand --file 'Read a response from this file (`-` for standard input); repeatable'
            cand -c 'Only look in this catalog (repeatable)'
            cand --catalog 'Only look in this catalog (repeatable)'
            cand --format 'Output form'
            cand --color 'When to use colour'
            cand --list 'List every entry, of one catalog or of all'
            cand --search 'Entries where every word occurs in code, name, meaning, cause or fix'
            cand --check-catalog 'Check a user catalog file against the catalog schema; name every problem'
            cand --run 'Run CMD with its arguments (everything after --run), pass its output through, and explain its failure on stderr; exit 1/2/3 by class (128+N if a signal N killed it)'
            cand --generate 'Print a completion script or the man page'
            cand --json 'Print one JSON document (its schema: --generate json-schema)'
            cand -q 'Print nothing; only the exit status tells'
            cand --quiet 'Print nothing; only the exit status tells'
            cand --catalogs 'List the catalogs with entry counts, sources and where each came from'
            cand --follow 'Read standard input as a stream (a growing log) and explain each error as it comes; repeats are counted; a summary at the end; exit by the worst class seen'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
    ]
    $completions[$command]
}
