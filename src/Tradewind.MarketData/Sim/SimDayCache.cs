using System.Collections.Concurrent;
using Tradewind.Core;

namespace Tradewind.MarketData.Sim;

/// <summary>
/// Daily OHLCV bars already aggregated from their minutes, per instrument, so 1d, 1w and 1M requests pay for a day's
/// 1440 minutes only once per provider. A day's bar never changes (it depends only on seed, symbol and day), so
/// entries are written once and read without locks: the bar is stored before its flag is published. Bounded by
/// instruments x days since genesis (about 11 MB for every instrument over ten years).
/// </summary>
internal sealed class SimDayCache
{
    private const int ChunkBits = 8;
    private const int ChunkDays = 1 << ChunkBits;

    private readonly ConcurrentDictionary<long, Chunk> _chunks = new();

    public bool TryGet(int instrument, int day, out Candle bar)
    {
        if (_chunks.TryGetValue(Key(instrument, day), out var chunk))
        {
            var slot = day & (ChunkDays - 1);
            if (Volatile.Read(ref chunk.Filled[slot]) != 0)
            {
                bar = chunk.Bars[slot];
                return true;
            }
        }

        bar = default;
        return false;
    }

    public void Set(int instrument, int day, in Candle bar)
    {
        var chunk = _chunks.GetOrAdd(Key(instrument, day), static _ => new Chunk());
        var slot = day & (ChunkDays - 1);
        chunk.Bars[slot] = bar;
        Volatile.Write(ref chunk.Filled[slot], 1);
    }

    private static long Key(int instrument, int day) => ((long)instrument << 32) | (uint)(day >> ChunkBits);

    private sealed class Chunk
    {
        public readonly Candle[] Bars = new Candle[ChunkDays];
        public readonly int[] Filled = new int[ChunkDays];
    }
}
