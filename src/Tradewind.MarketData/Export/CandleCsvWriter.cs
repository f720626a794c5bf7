using System.Globalization;
using System.Text;
using Tradewind.Core;

namespace Tradewind.MarketData.Export;

/// <summary>
/// Writes <c>time,open,high,low,close,volume</c> CSV: time as ISO 8601 UTC (<c>2024-01-31T13:00:00Z</c>), numbers in
/// invariant culture with the shortest text that parses back to the same double, so an export re-imports bit for bit.
/// </summary>
public static class CandleCsvWriter
{
    public const string Header = "time,open,high,low,close,volume";

    public static async Task WriteAsync(CandleSeries candles, Stream destination, CancellationToken cancellationToken)
    {
        // UTF-8 without a byte-order mark: other tools (pandas, spreadsheets, awk) read it as plain ASCII.
        await using var writer = new StreamWriter(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await writer.WriteAsync((Header + "\n").AsMemory(), cancellationToken);

        // Rows are formatted into one buffer and written in blocks; a row is at most ~150 characters.
        const int MaxRowChars = 256;
        var buffer = new char[64 * 1024];
        var used = 0;
        for (var i = 0; i < candles.Count; i++)
        {
            if (buffer.Length - used < MaxRowChars)
            {
                await writer.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
                used = 0;
            }

            used += FormatRow(candles, i, buffer.AsSpan(used));
        }

        await writer.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static int FormatRow(CandleSeries candles, int i, Span<char> span)
    {
        var length = FormatTime(candles.Time[i], span);
        length += Field(candles.Open[i], span[length..]);
        length += Field(candles.High[i], span[length..]);
        length += Field(candles.Low[i], span[length..]);
        length += Field(candles.Close[i], span[length..]);
        length += Field(candles.Volume[i], span[length..]);
        span[length++] = '\n';
        return length;
    }

    /// <summary>Same text as <see cref="TimeFormat.ToIso"/>, without allocating a string per bar.</summary>
    private static int FormatTime(long unixMs, Span<char> destination)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime;
        var format = unixMs % 1000 == 0 ? "yyyy-MM-ddTHH:mm:ssZ" : "yyyy-MM-ddTHH:mm:ss.fffZ";
        time.TryFormat(destination, out var written, format, CultureInfo.InvariantCulture);
        return written;
    }

    private static int Field(double value, Span<char> destination)
    {
        destination[0] = ',';
        value.TryFormat(destination[1..], out var written, default, CultureInfo.InvariantCulture);
        return written + 1;
    }
}
