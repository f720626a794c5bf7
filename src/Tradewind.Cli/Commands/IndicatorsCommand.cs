using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradewind.Indicators;

namespace Tradewind.Cli.Commands;

/// <summary><c>tradewind indicators list | show NAME</c>: the registry, as users see it.</summary>
internal static class IndicatorsCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var command = new Command("indicators", "List the built-in indicators or show one in detail.");

        var group = new Option<string?>("--group", "-g")
        {
            Description = $"Only this group: {string.Join(", ", Enum.GetNames<IndicatorGroup>().Select(n => n.ToLowerInvariant()))}.",
        };
        var list = new Command("list", "List every indicator with its inputs, parameters and outputs.") { group };
        list.SetAction((parse, ct) => CommandRunner.RunAsync(console, () => Task.FromResult(List(console, parse.GetValue(group))), ct));

        var name = new Argument<string>("name") { Description = "Indicator name or alias, e.g. rsi, bbands, bb." };
        var show = new Command("show", "Show one indicator: inputs, parameters with defaults and bounds, outputs, warm-up.") { name };
        show.SetAction((parse, ct) => CommandRunner.RunAsync(console, () => Task.FromResult(Show(console, parse.GetRequiredValue(name))), ct));

        var docs = new Command("docs", "Print the indicator reference as markdown (the source of docs/indicators.md).");
        docs.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            () =>
            {
                Console.Out.Write(IndicatorReference.RenderMarkdown(IndicatorRegistry.Default));
                return Task.FromResult(CommandRunner.Ok);
            },
            ct));

        command.Subcommands.Add(list);
        command.Subcommands.Add(docs);
        command.Subcommands.Add(show);
        return command;
    }

    private static int List(IAnsiConsole console, string? group)
    {
        IndicatorGroup? only = null;
        if (group is not null)
        {
            if (!Enum.TryParse<IndicatorGroup>(group, ignoreCase: true, out var g))
            {
                Core.ThrowHelper.Throw(
                    Core.ErrorCode.ValidationError,
                    $"Unknown indicator group '{group}'.",
                    $"Valid groups: {string.Join(", ", Enum.GetNames<IndicatorGroup>().Select(n => n.ToLowerInvariant()))}.");
            }

            only = g;
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("name", "group", "title", "inputs", "parameters", "outputs");
        var count = 0;
        foreach (var d in IndicatorRegistry.Default.All)
        {
            if (only is { } o && d.Group != o)
            {
                continue;
            }

            count++;
            table.AddRow(
                Markup.Escape(d.Name),
                d.Group.ToString().ToLowerInvariant(),
                Markup.Escape(d.Title),
                Markup.Escape(string.Join(", ", d.Inputs.Select(i => i.Name))),
                Markup.Escape(string.Join(", ", d.Parameters.Select(p => $"{p.Name}={Format(p.Default)}"))),
                Markup.Escape(string.Join(", ", d.Outputs.Select(x => x.Name))));
        }

        console.Write(table);
        console.MarkupLine($"[grey]{count} indicators[/]");
        return CommandRunner.Ok;
    }

    private static int Show(IAnsiConsole console, string name)
    {
        var d = IndicatorRegistry.Default.Get(name);
        console.MarkupLine($"[bold]{Markup.Escape(d.Name)}[/] — {Markup.Escape(d.Title)} [grey]({d.Group.ToString().ToLowerInvariant()})[/]");
        console.WriteLine(d.Description);
        if (d.Aliases.Count > 0)
        {
            console.MarkupLine($"aliases: {Markup.Escape(string.Join(", ", d.Aliases))}");
        }

        console.MarkupLine($"reference: {Markup.Escape(d.TaLibFunction is { } f ? $"TA-Lib {f}" : d.Reference ?? "-")}");
        console.MarkupLine($"inputs: {Markup.Escape(string.Join(", ", d.Inputs.Select(i => $"{i.Name} ({i.Kind.ToString().ToLowerInvariant()})")))}");
        var parameters = new Table().Border(TableBorder.Simple).AddColumns("parameter", "type", "default", "min", "max", "description");
        foreach (var p in d.Parameters)
        {
            parameters.AddRow(p.Name, p.Kind.ToString().ToLowerInvariant(), Format(p.Default), Format(p.Min), Format(p.Max), Markup.Escape(p.Description));
        }

        if (d.Parameters.Count > 0)
        {
            console.Write(parameters);
        }

        console.MarkupLine($"outputs: {Markup.Escape(string.Join(", ", d.Outputs.Select(o => o.Name)))}");
        console.MarkupLine($"warm-up: first value at bar index {d.LookbackFor(d.DefaultParameters())} with the default parameters");
        return CommandRunner.Ok;
    }

    private static string Format(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
