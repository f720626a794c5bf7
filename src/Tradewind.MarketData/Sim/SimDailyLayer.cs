namespace Tradewind.MarketData.Sim;

/// <summary>
/// The daily layer for a fixed number of days from genesis: the market factor, and each symbol's series computed on
/// first use. Immutable once built (symbols fill in lazily, lock-free: two threads racing compute identical values).
/// </summary>
internal sealed class SimDailyLayer
{
    private readonly SimSymbolDaily?[] _symbols;
    private readonly ulong _seed;
    private readonly long _genesisUnixDay;

    public SimDailyLayer(ulong seed, long genesisUnixDay, int days)
    {
        _seed = seed;
        _genesisUnixDay = genesisUnixDay;
        Market = new SimMarketDaily(seed, days);
        _symbols = new SimSymbolDaily?[SimUniverse.Symbols.Count];
    }

    /// <summary>Number of simulated days (day 0 is genesis).</summary>
    public int Days => Market.Days;

    public SimMarketDaily Market { get; }

    public SimSymbolDaily For(SimSymbol symbol)
    {
        var index = SimUniverse.IndexOf(symbol);
        var daily = Volatile.Read(ref _symbols[index]);
        if (daily is null)
        {
            daily = new SimSymbolDaily(_seed, symbol, Market, _genesisUnixDay);
            daily = Interlocked.CompareExchange(ref _symbols[index], daily, null) ?? daily;
        }

        return daily;
    }
}
