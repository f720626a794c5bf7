using Tradewind.Backtesting;
using Tradewind.Core;
using Tradewind.Signals;
using Tradewind.Signals.Runtime;

namespace Tradewind.Research;

/// <summary>
/// Runs a strategy script over a universe end to end: compile, load each ticker's rules, candles (with the warm-up
/// the script needs before the start) and funding, prepare the program per ticker, and run the engine. The first
/// 40% of progress is loading and preparing; the rest is the engine.
/// </summary>
public sealed class StrategyBacktester
{
    private const int LoadConcurrency = 4;
    private const double LoadShare = 0.4;

    // Funding settles every 1-8 hours; three days before the start is enough to know the rate in force.
    private const long FundingLookbackMs = 3 * 86_400_000L;

    private readonly IResearchData _data;

    public StrategyBacktester(IResearchData data) => _data = data;

    /// <summary>Compiles a strategy script; VALIDATION_ERROR lists every diagnostic with its line and column.</summary>
    public static CompiledScript Compile(string? script)
    {
        if (string.IsNullOrWhiteSpace(script))
        {
            throw new TradewindException(
                ErrorCode.ValidationError,
                "'script' is required and must not be empty.",
                "Example: emit_signal(crossover(sma(close, 20), sma(close, 50)), entry(\"LONG\", Weight(1)))");
        }

        return SignalCompiler.Compile(script).GetValueOrThrow();
    }

    public async Task<BacktestRun> RunAsync(BacktestSpec spec, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var script = spec.Validate();
        var timeframe = spec.Timeframe;
        var warmUp = script.WarmUpBars;
        var loadFrom = spec.From - (warmUp * timeframe.NominalMilliseconds);
        var legs = new BacktestLeg[spec.Universe.Count];
        var loaded = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, legs.Length),
            new ParallelOptions { MaxDegreeOfParallelism = LoadConcurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                legs[i] = await LoadLegAsync(script, spec, spec.Universe[i], loadFrom, ct);
                progress?.Report(LoadShare * Interlocked.Increment(ref loaded) / legs.Length);
            });

        var options = spec.Options with { From = spec.From, To = spec.To };
        var engineProgress = progress is null ? null : new Scaled(progress, LoadShare, 1 - LoadShare);
        var result = BacktestEngine.Run(new BacktestRequest(legs, timeframe, options), engineProgress, cancellationToken);
        return new BacktestRun(spec, result, warmUp);
    }

    private async Task<BacktestLeg> LoadLegAsync(CompiledScript script, BacktestSpec spec, Ticker ticker, long loadFrom, CancellationToken ct)
    {
        var instrument = await _data.GetInstrumentAsync(ticker, ct);
        var candles = await _data.GetCandlesAsync(ticker, spec.Timeframe, loadFrom, spec.To, ct);
        if (candles.Count == 0 || candles.LastTime < spec.From)
        {
            ThrowHelper.Throw(
                ErrorCode.DataUnavailable,
                $"No {spec.Timeframe} bars for {ticker} between {TimeFormat.ToIso(spec.From)} and {TimeFormat.ToIso(spec.To)}.",
                candles.Count == 0
                    ? "Check the period: the venue may not have listed the instrument yet, or the range is in the future."
                    : $"The data ends at {TimeFormat.ToIso(candles.LastTime!.Value)}; move the start date earlier.");
        }

        IReadOnlyList<FundingRate>? funding = null;
        if (ticker.MarketType == MarketType.Perpetual)
        {
            funding = await _data.GetFundingRatesAsync(ticker, loadFrom - FundingLookbackMs, spec.To, ct);
        }

        var program = await script.PrepareAsync(new SignalContext(ticker, spec.Timeframe, candles) { Source = _data, Funding = funding }, ct);
        return new BacktestLeg(instrument, candles, program, funding);
    }

    private sealed class Scaled(IProgress<double> inner, double offset, double scale) : IProgress<double>
    {
        public void Report(double value) => inner.Report(offset + (scale * value));
    }
}
