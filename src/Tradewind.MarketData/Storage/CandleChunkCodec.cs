using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Tradewind.Core;

namespace Tradewind.MarketData.Storage;

/// <summary>
/// The on-disk form of a chunk: six little-endian columns back to back (time as int64 Unix ms, then open, high, low,
/// close and volume as IEEE doubles), <c>count</c> values each. No header: the bar count is the blob length / 48.
/// Columns rather than rows let a read copy each column with one memcpy straight into the series arrays.
/// </summary>
internal static class CandleChunkCodec
{
    public const int BytesPerBar = 6 * sizeof(long);

    public const int ColumnCount = 6;

    /// <summary>Bars in a blob of <paramref name="byteLength"/> bytes.</summary>
    public static int BarCount(long byteLength) => (int)(byteLength / BytesPerBar);

    /// <summary>Encodes bars <paramref name="start"/> .. start+count-1 of <paramref name="series"/>.</summary>
    public static byte[] Encode(CandleSeries series, int start, int count)
    {
        var blob = GC.AllocateUninitializedArray<byte>(count * BytesPerBar);
        var span = blob.AsSpan();
        var columnBytes = count * sizeof(long);
        WriteColumn(series.Time.AsSpan(start, count), span[..columnBytes]);
        WriteColumn(series.Open.AsSpan(start, count), span.Slice(columnBytes, columnBytes));
        WriteColumn(series.High.AsSpan(start, count), span.Slice(2 * columnBytes, columnBytes));
        WriteColumn(series.Low.AsSpan(start, count), span.Slice(3 * columnBytes, columnBytes));
        WriteColumn(series.Close.AsSpan(start, count), span.Slice(4 * columnBytes, columnBytes));
        WriteColumn(series.Volume.AsSpan(start, count), span.Slice(5 * columnBytes, columnBytes));
        return blob;
    }

    /// <summary>Decodes a whole blob into a new series.</summary>
    public static CandleSeries Decode(ReadOnlySpan<byte> blob)
    {
        var n = BarCount(blob.Length);
        if (n == 0)
        {
            return CandleSeries.Empty;
        }

        var time = GC.AllocateUninitializedArray<long>(n);
        var open = GC.AllocateUninitializedArray<double>(n);
        var high = GC.AllocateUninitializedArray<double>(n);
        var low = GC.AllocateUninitializedArray<double>(n);
        var close = GC.AllocateUninitializedArray<double>(n);
        var volume = GC.AllocateUninitializedArray<double>(n);
        DecodeRange(blob, 0, n, time, open, high, low, close, volume);
        return new CandleSeries(time, open, high, low, close, volume);
    }

    /// <summary>
    /// Copies bars <paramref name="from"/> .. from+destination length-1 of a blob into the destination spans.
    /// </summary>
    public static void DecodeRange(
        ReadOnlySpan<byte> blob, int from, int count,
        Span<long> time, Span<double> open, Span<double> high, Span<double> low, Span<double> close, Span<double> volume)
    {
        var n = BarCount(blob.Length);
        var columnBytes = n * sizeof(long);
        var offset = from * sizeof(long);
        var length = count * sizeof(long);
        ReadColumn(blob.Slice(offset, length), time[..count]);
        ReadColumn(blob.Slice(columnBytes + offset, length), open[..count]);
        ReadColumn(blob.Slice((2 * columnBytes) + offset, length), high[..count]);
        ReadColumn(blob.Slice((3 * columnBytes) + offset, length), low[..count]);
        ReadColumn(blob.Slice((4 * columnBytes) + offset, length), close[..count]);
        ReadColumn(blob.Slice((5 * columnBytes) + offset, length), volume[..count]);
    }

    /// <summary>The time column of a blob, as a view (little-endian hosts) or a converted copy.</summary>
    public static ReadOnlySpan<long> TimeColumn(ReadOnlySpan<byte> blob)
    {
        var n = BarCount(blob.Length);
        var raw = MemoryMarshal.Cast<byte, long>(blob[..(n * sizeof(long))]);
        if (BitConverter.IsLittleEndian)
        {
            return raw;
        }

        var copy = new long[n];
        BinaryPrimitives.ReverseEndianness(raw, copy);
        return copy;
    }

    /// <summary>
    /// Merges two sorted runs; a bar of <paramref name="incoming"/> replaces the bar of <paramref name="existing"/> with
    /// the same open time, which is what makes upserts idempotent.
    /// </summary>
    public static CandleSeries Merge(CandleSeries existing, CandleSeries incoming, int incomingStart, int incomingCount)
    {
        var builder = new CandleSeriesBuilder(existing.Count + incomingCount);
        int i = 0, j = incomingStart;
        var jEnd = incomingStart + incomingCount;
        while (i < existing.Count || j < jEnd)
        {
            if (j >= jEnd || (i < existing.Count && existing.Time[i] < incoming.Time[j]))
            {
                builder.Add(existing.Time[i], existing.Open[i], existing.High[i], existing.Low[i], existing.Close[i], existing.Volume[i]);
                i++;
                continue;
            }

            if (i < existing.Count && existing.Time[i] == incoming.Time[j])
            {
                i++;
            }

            builder.Add(incoming.Time[j], incoming.Open[j], incoming.High[j], incoming.Low[j], incoming.Close[j], incoming.Volume[j]);
            j++;
        }

        return builder.Build();
    }

    /// <summary>Converts a column that was read raw from a blob to host byte order (a no-op on little-endian hosts).</summary>
    public static void FixEndianness(Span<long> column)
    {
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(column, column);
        }
    }

    /// <inheritdoc cref="FixEndianness(Span{long})"/>
    public static void FixEndianness(Span<double> column) => FixEndianness(MemoryMarshal.Cast<double, long>(column));

    private static void WriteColumn<T>(ReadOnlySpan<T> values, Span<byte> destination)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        bytes.CopyTo(destination);
        if (!BitConverter.IsLittleEndian)
        {
            var asLong = MemoryMarshal.Cast<byte, long>(destination);
            BinaryPrimitives.ReverseEndianness(asLong, asLong);
        }
    }

    private static void ReadColumn<T>(ReadOnlySpan<byte> source, Span<T> destination)
        where T : unmanaged
    {
        source.CopyTo(MemoryMarshal.AsBytes(destination));
        if (!BitConverter.IsLittleEndian)
        {
            var asLong = MemoryMarshal.Cast<T, long>(destination);
            BinaryPrimitives.ReverseEndianness(asLong, asLong);
        }
    }
}
