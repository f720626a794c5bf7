using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tradewind.Indicators.Tests.Infrastructure;

/// <summary>One golden file written by tools/golden/generate.mjs.</summary>
public sealed class GoldenFile
{
    [JsonPropertyName("generated_by")]
    public string GeneratedBy { get; init; } = "";

    [JsonPropertyName("source")]
    public string Source { get; init; } = "";

    [JsonPropertyName("case")]
    public string Case { get; init; } = "";

    [JsonPropertyName("indicator")]
    public string Indicator { get; init; } = "";

    [JsonPropertyName("params")]
    public double[] Params { get; init; } = [];

    [JsonPropertyName("inputs")]
    public string[] Inputs { get; init; } = [];

    [JsonPropertyName("dataset")]
    public string Dataset { get; init; } = "";

    [JsonPropertyName("bars")]
    public int Bars { get; init; }

    [JsonPropertyName("first_valid_index")]
    public int FirstValidIndex { get; init; }

    [JsonPropertyName("outputs")]
    public double[][] Outputs { get; init; } = [];

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Golden", "data");

    public static IEnumerable<string> All() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!
            : [];

    public static GoldenFile Load(string fileName) =>
        JsonSerializer.Deserialize<GoldenFile>(File.ReadAllText(Path.Combine(Directory, fileName)))
        ?? throw new InvalidDataException($"Golden file {fileName} is empty.");
}
