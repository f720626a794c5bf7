namespace Tradewind.MarketData.Sim;

/// <summary>Settings of the sim venue. The same options give the same markets, bit for bit, on every machine.</summary>
public sealed record SimOptions
{
    /// <summary>2015-01-01T00:00Z: the default first instant with data.</summary>
    public static readonly DateTimeOffset DefaultGenesis = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Selects the market history: each seed is a different, equally plausible world.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>The first instant with data (a UTC midnight). Nothing exists before it.</summary>
    public DateTimeOffset Genesis { get; init; } = DefaultGenesis;
}
