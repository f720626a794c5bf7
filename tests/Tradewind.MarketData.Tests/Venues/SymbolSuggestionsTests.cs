using Tradewind.Core;
using Tradewind.MarketData.Venues;

namespace Tradewind.MarketData.Tests.Venues;

public sealed class SymbolSuggestionsTests
{
    private static readonly InstrumentSpec[] Upbit = Specs(ExchangeId.Upbit, "BTC/KRW", "ETH/KRW", "ETH/BTC", "BTC/USDT");

    [Fact]
    public void ForPair_PairWrittenTheWrongWayRound_SuggestsTheListedPairFirst()
    {
        var matches = SymbolSuggestions.ForPair(Ticker.Parse("UPBIT:KRW/BTC"), Upbit, 5);

        Assert.Equal(["UPBIT:BTC/KRW"], matches);
    }

    [Fact]
    public void ForPair_ReversedPairAndATypo_ReversedPairComesFirst()
    {
        var listed = Specs(ExchangeId.Upbit, "BTT/KRW", "KRW/BTT", "BTC/KRW");

        var matches = SymbolSuggestions.ForPair(Ticker.Parse("UPBIT:KRW/BTC"), listed, 5);

        Assert.Equal(["UPBIT:BTC/KRW", "UPBIT:KRW/BTT"], matches);
    }

    [Fact]
    public void ForPair_NothingWithinAThirdOfTheLength_IsEmpty()
    {
        Assert.Empty(SymbolSuggestions.ForPair(Ticker.Parse("UPBIT:DOGE/EUR"), Upbit, 5));
    }

    [Fact]
    public void ForPair_MoreCloseMatchesThanMax_KeepsTheNearest()
    {
        var listed = Specs(ExchangeId.Binance, "BTC/USDT", "BTC/USDC", "BTC/TUSD", "BTC/USDP");

        var matches = SymbolSuggestions.ForPair(Ticker.Parse("BINANCE:BTC/USTD"), listed, 2);

        Assert.Equal(["BINANCE:BTC/USDT", "BINANCE:BTC/TUSD"], matches);
    }

    [Theory]
    [InlineData("ETJ", "ETH")]
    [InlineData("btcc", "BTC")]
    [InlineData("HPO", "HPOS")]
    [InlineData("kpepe", "kPEPE")]
    public void ForName_Typo_SuggestsTheListedName(string typed, string expected)
    {
        var matches = SymbolSuggestions.ForName(typed, ["BTC", "ETH", "HPOS", "kPEPE", "SOL"], 5);

        Assert.Equal(expected, matches[0]);
    }

    [Fact]
    public void ForName_PrefixOfLongerNames_ListsThemAfterTheCloseOnesShortestFirst()
    {
        var matches = SymbolSuggestions.ForName("1000", ["1000SATS", "1000PEPE", "1000BONKUSD", "100", "ETH"], 5);

        Assert.Equal(["100", "1000PEPE", "1000SATS", "1000BONKUSD"], matches);
    }

    [Fact]
    public void ForName_HalfTheLengthInEdits_IsTheLimit()
    {
        Assert.Equal(["ABCDEF"], SymbolSuggestions.ForName("ABCXYZ", ["ABCDEF"], 5));
        Assert.Empty(SymbolSuggestions.ForName("ABCWXYZ", ["ABCDEFG", "Q"], 5));
    }

    private static InstrumentSpec[] Specs(ExchangeId exchange, params string[] symbols) =>
        symbols.Select(s => new InstrumentSpec(Ticker.Parse(s, exchange), 0, 0, 0, 0, MarketType.Spot, null, 1)).ToArray();
}
