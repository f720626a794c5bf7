using System.Globalization;
using Tradewind.Core;
using Tradewind.Signals.Compilation;

namespace Tradewind.Signals.Runtime;

/// <summary>Fetches the bars (and funding) of every context a plan uses, for one run.</summary>
internal static class ContextResolver
{
    // Funding is settled every 1-8 hours; three days back is enough to know the rate in force at the first bar.
    private const long FundingLookbackMs = 3 * 86_400_000L;

    public static async ValueTask<ResolvedContext[]> ResolveAsync(ExecutionPlan plan, SignalContext context, CancellationToken cancellationToken)
    {
        var specs = plan.Contexts;
        var result = new ResolvedContext[specs.Count];
        var candles = context.Candles;
        var baseTimeframe = context.Timeframe;
        var first = candles.FirstTime ?? 0;
        var end = candles.LastTime is { } last ? baseTimeframe.Next(last) : 0;
        var warmUp = new int[specs.Count];
        foreach (var check in plan.HistoryChecks)
        {
            warmUp[check.Context] = Math.Max(warmUp[check.Context], check.BarsNeeded);
        }

        for (var c = 0; c < specs.Count; c++)
        {
            var spec = specs[c];
            var ticker = spec.TickerText is null ? context.Ticker : ParseTicker(spec.TickerText, context.Ticker);
            var timeframe = spec.Timeframe ?? baseTimeframe;
            CandleSeries series;
            if (c == 0 || candles.Count == 0 || (ticker == context.Ticker && timeframe == baseTimeframe))
            {
                series = c == 0 ? candles : (candles.Count == 0 ? CandleSeries.Empty : candles);
            }
            else
            {
                if (timeframe < baseTimeframe || !timeframe.IsMultipleOf(baseTimeframe))
                {
                    ThrowHelper.Throw(
                        ErrorCode.ValidationError,
                        string.Create(CultureInfo.InvariantCulture, $"tf(\"{timeframe}\", ...) asks for {timeframe} bars, but the script runs on {baseTimeframe} bars."),
                        string.Create(CultureInfo.InvariantCulture, $"tf() reads a higher timeframe: one that is a whole multiple of {baseTimeframe}, such as {Suggest(baseTimeframe)}."));
                }

                series = await FetchAsync(context, ticker, timeframe, first - ((long)warmUp[c] * timeframe.NominalMilliseconds), end, cancellationToken);
            }

            IReadOnlyList<FundingRate>? funding = null;
            if (plan.ContextNeedsFunding[c])
            {
                funding = c == 0 && context.Funding is { } given
                    ? given
                    : context.Source is { } source && series.Count > 0
                        ? await source.GetFundingRatesAsync(ticker, series.Time[0] - FundingLookbackMs, end, cancellationToken)
                        : [];
            }

            result[c] = new ResolvedContext(ticker, timeframe, series, funding);
        }

        return result;
    }

    private static async ValueTask<CandleSeries> FetchAsync(SignalContext context, Ticker ticker, Timeframe timeframe, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        var sameTicker = ticker == context.Ticker;
        if (context.Source is { } source)
        {
            try
            {
                return await source.GetCandlesAsync(ticker, timeframe, fromMs, toMs, cancellationToken);
            }
            catch (TradewindException e) when (e.Code == ErrorCode.DataUnavailable && sameTicker)
            {
                // The source lacks this timeframe: the script's own bars can still be resampled.
            }
        }

        if (sameTicker)
        {
            return context.Candles.Resample(context.Timeframe, timeframe, includePartial: false);
        }

        return ThrowHelper.Throw<CandleSeries>(
            ErrorCode.DataUnavailable,
            $"ref(\"{ticker}\", ...) needs {timeframe} candles for {ticker}, and no series source was given.",
            "Pass a source with the other tickers' data (SignalContext.Source), e.g. an InMemorySeriesSource.");
    }

    private static Ticker ParseTicker(string text, Ticker script)
    {
        var hasExchange = text.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
            && (text.IndexOf('/', StringComparison.Ordinal) is var slash && (slash < 0 || colon < slash));
        return Ticker.Parse(text, hasExchange ? null : script.Exchange);
    }

    private static string Suggest(Timeframe timeframe)
    {
        foreach (var t in Timeframe.All)
        {
            if (t > timeframe && t.IsMultipleOf(timeframe))
            {
                return t.Name;
            }
        }

        return timeframe.Name;
    }
}
