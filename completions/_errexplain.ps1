
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'errexplain' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'errexplain'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'errexplain' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read a response from this file (`-` for standard input); repeatable')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read a response from this file (`-` for standard input); repeatable')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only look in this catalog (repeatable)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Only look in this catalog (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output form')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List every entry, of one catalog or of all')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Entries where every word occurs in code, name, meaning, cause or fix')
            [CompletionResult]::new('--check-catalog', '--check-catalog', [CompletionResultType]::ParameterName, 'Check a user catalog file against the catalog schema; name every problem')
            [CompletionResult]::new('--run', '--run', [CompletionResultType]::ParameterName, 'Run CMD with its arguments (everything after --run), pass its output through, and explain its failure on stderr; exit 1/2/3 by class (128+N if a signal N killed it)')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Print a completion script or the man page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document (its schema: --generate json-schema)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing; only the exit status tells')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing; only the exit status tells')
            [CompletionResult]::new('--catalogs', '--catalogs', [CompletionResultType]::ParameterName, 'List the catalogs with entry counts, sources and where each came from')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Read standard input as a stream (a growing log) and explain each error as it comes; repeats are counted; a summary at the end; exit by the worst class seen')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
