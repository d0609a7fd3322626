using System.CommandLine;
using System.CommandLine.Parsing;
using System.Reflection;

namespace Kinetics.Cli.Commands;

/// <summary>
/// The error contract of the `kinetics` command, in one place. Every invocation goes through <see cref="Run"/>, which
/// <list type="bullet">
/// <item>checks every option before any command computes: the parser's own checks, the <see cref="OptionRules"/> attached
/// to options, finiteness of every <c>double</c> option, and the writability of every <see cref="OutputPrefix"/> directory
/// (created when missing);</item>
/// <item>never prints a stack trace: exceptions are caught here and mapped to a one-line message on standard error
/// (set <c>KINETICS_STACK_TRACE=1</c> to see the trace while developing);</item>
/// <item>exits with 0 on success, 1 when a computation failed, 2 on invalid arguments or an unusable output path, 3 when a
/// result failed its own sanity check (<see cref="JsonOutput.Warn"/> with <c>meaningless</c>), 130 when cancelled;</item>
/// <item>under <c>--json</c>, prints exactly one JSON object on standard output: the command's result (with its
/// <c>warnings</c> array), or <c>{"command", "error", "exit_code", "warnings"}</c> on failure. Anything else written
/// to <see cref="Console.Out"/> goes to standard error in that mode.</item>
/// </list>
/// Commands therefore validate by declaring rules on their options and by throwing <see cref="ArgumentException"/>
/// (exit code 2) for checks that involve several options; they do not catch exceptions themselves.
/// </summary>
internal static class CommandLineApp
{
    /// <summary>Exit code: a computation failed.</summary>
    public const int Failure = 1;

    /// <summary>Exit code: invalid arguments or an unusable output path (nothing was computed).</summary>
    public const int InvalidArguments = 2;

    /// <summary>Exit code: the result failed its own sanity check.</summary>
    public const int MeaninglessResult = 3;

    /// <summary>Exit code: cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and runs the command under the contract.</summary>
    public static int Run(RootCommand root, string[] args)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        bool json = args.Any(a => a == "--json" || a.StartsWith("--json=", StringComparison.Ordinal)) && !args.Contains("--json=false");
        TextWriter standardOutput = Console.Out;
        JsonOutput.ReserveStandardOutput(standardOutput);
        string command = "kinetics";
        try
        {
            ApplyContract(root);
            if (args.Length == 0)
            {
                return root.Parse(["--help"]).Invoke();
            }

            ParseResult parse = root.Parse(args);
            command = CommandPath(parse.CommandResult);
            if (parse.Action is { ClearsParseErrors: true })
            {
                // --help, --version: asked-for output on standard output.
                return parse.Invoke(new InvocationConfiguration { Output = standardOutput, EnableDefaultExceptionHandler = false });
            }

            if (json)
            {
                Console.SetOut(Console.Error);
            }

            if (parse.Errors.Count > 0)
            {
                string message = string.Join(" ", parse.Errors.Select(e => e.Message).Distinct());
                return Fail(command, message + $" (see '{command} --help')", InvalidArguments, json);
            }

            PrepareOutputs(parse);
            int code = parse.Invoke(new InvocationConfiguration { Output = Console.Out, EnableDefaultExceptionHandler = false });
            var io = JsonOutput.Current;
            if (code == 0 && io is { Failed: true })
            {
                code = MeaninglessResult;
            }

            if (json && code != 0)
            {
                JsonOutput.WriteError(command, io is { Warnings.Count: > 0 } ? string.Join("; ", io.Warnings) : $"{command} failed (exit code {code}).", code);
            }
            else if (json && io is not { Written: true })
            {
                new JsonOutput(true).WriteResult(new Dictionary<string, object> { ["command"] = command });
            }

            return code;
        }
        catch (Exception e)
        {
            var (code, message) = Describe(e);
            if (Environment.GetEnvironmentVariable("KINETICS_STACK_TRACE") == "1")
            {
                Console.Error.WriteLine(e);
            }

            return Fail(command, message, code, json);
        }
        finally
        {
            Console.SetOut(standardOutput);
        }
    }

    /// <summary>Maps an exception to an exit code and a one-line message (no stack trace).</summary>
    internal static (int Code, string Message) Describe(Exception exception)
    {
        while (exception is TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }

        if (exception is AggregateException aggregate)
        {
            var inner = aggregate.Flatten().InnerExceptions;
            if (inner.Count >= 1)
            {
                var described = inner.Select(Describe).ToArray();
                return (described[0].Code, string.Join("; ", described.Select(d => d.Message).Distinct()));
            }
        }

        string text = OneLine(exception.Message);
        return exception switch
        {
            ArgumentException => (InvalidArguments, text),
            OperationCanceledException => (Cancelled, "cancelled."),
            OutOfMemoryException => (Failure, $"out of memory ({text}); use a smaller grid."),
            IOException or UnauthorizedAccessException => (Failure, $"file error: {text}"),
            InvalidOperationException or ArithmeticException or NotSupportedException => (Failure, text),
            _ => (Failure, $"internal error ({exception.GetType().Name}): {text} Set KINETICS_STACK_TRACE=1 for details."),
        };
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static int Fail(string command, string message, int code, bool json)
    {
        Console.Error.WriteLine($"{command}: {message}");
        if (json)
        {
            JsonOutput.WriteError(command, message, code);
        }

        return code;
    }

    // Finiteness of every double option, once per tree.
    private static void ApplyContract(Command command)
    {
        if (ContractApplied.Add(command))
        {
            foreach (var option in command.Options)
            {
                OptionRules.RequireFinite(option);
            }

            foreach (var sub in command.Subcommands)
            {
                ApplyContract(sub);
            }
        }
    }

    private static readonly HashSet<Command> ContractApplied = [];

    private static void PrepareOutputs(ParseResult parse)
    {
        foreach (var option in parse.CommandResult.Command.Options.Where(OutputPrefix.IsOutputOption))
        {
            string? value = option is Option<string> path ? parse.GetValue(path) : null;
            if (value is not null)
            {
                OutputPrefix.Prepare(option.Name, value);
            }
        }
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent)
        {
            names.Add(c.Parent is null ? "kinetics" : c.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
