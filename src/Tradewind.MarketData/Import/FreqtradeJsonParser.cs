using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Tradewind.MarketData.Import;

/// <summary>
/// freqtrade's JSON candle files: one array of <c>[time_ms, open, high, low, close, volume]</c> arrays. Read with a
/// forward-only reader over the file's bytes; line numbers for messages are counted only as far as the reader got.
/// </summary>
internal sealed class FreqtradeJsonParser(string path)
{
    private const string Shape = "freqtrade JSON is one list of candles: [[time_ms, open, high, low, close, volume], ...].";

    private static readonly string[] Fields = ["time", "open", "high", "low", "close", "volume"];

    private readonly TimestampReader _times = new();
    private readonly ParsedCandles _rows = new(path, RowLocation.JsonCandle);
    private int _line = 1;
    private int _counted;

    public async Task<ParsedCandles> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new byte[stream.Length];
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        try
        {
            Parse(bytes);
        }
        catch (JsonException ex)
        {
            ImportErrors.At(
                path,
                $"line {(ex.LineNumber ?? 0) + 1}",
                $"the file is not valid JSON ({FirstSentence(ex.Message)})",
                Shape);
        }

        if (_rows.Count == 0)
        {
            ImportErrors.InFile(path, "the file holds an empty list of candles", Shape);
        }

        return _rows;
    }

    private void Parse(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            Fail(bytes, ref reader, $"expected '[' to open the list of candles, found {Describe(ref reader)}");
        }

        var values = new double[6];
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Fail(bytes, ref reader, $"candle {_rows.Count + 1}: expected '[' to open a candle, found {Describe(ref reader)}");
            }

            var line = LineAt(bytes, reader.TokenStartIndex);
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number)
                {
                    Fail(bytes, ref reader, $"candle {_rows.Count + 1}: {(count < 6 ? Fields[count] : $"value {count + 1}")} is {Describe(ref reader)}, not a number");
                }

                if (count < 6)
                {
                    values[count] = reader.GetDouble();
                }

                count++;
            }

            if (count < 6)
            {
                Fail(bytes, ref reader, $"candle {_rows.Count + 1} has {count} values; expected 6 (time, open, high, low, close, volume)");
            }

            if (!_times.TryRead(values[0], out var time, out var problem))
            {
                ImportErrors.At(path, $"line {line} (candle {_rows.Count + 1})", problem!, "freqtrade writes candle open times as Unix milliseconds.");
            }

            _rows.Add(time, values[1], values[2], values[3], values[4], values[5], line);
        }
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string \"{reader.GetString()}\"",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.Null => "null",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.None => "nothing",
        _ => reader.TokenType.ToString(),
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf('.', StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    /// <summary>1-based line of byte <paramref name="index"/>; counts newlines incrementally, so the whole file costs one pass.</summary>
    private int LineAt(ReadOnlySpan<byte> bytes, long index)
    {
        var upTo = (int)Math.Min(index, bytes.Length);
        if (upTo > _counted)
        {
            _line += bytes[_counted..upTo].Count((byte)'\n');
            _counted = upTo;
        }

        return _line;
    }

    [DoesNotReturn]
    private void Fail(ReadOnlySpan<byte> bytes, ref Utf8JsonReader reader, string problem) =>
        ImportErrors.At(path, $"line {LineAt(bytes, reader.TokenStartIndex)}", problem, Shape);
}
