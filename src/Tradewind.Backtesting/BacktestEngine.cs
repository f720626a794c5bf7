using System.Globalization;
using Tradewind.Core;

namespace Tradewind.Backtesting;

/// <summary>
/// Runs backtests. A run is single-threaded and deterministic: the same request gives the same result, bit for bit,
/// so independent runs (a parameter grid) can go in parallel.
/// </summary>
public static class BacktestEngine
{
    /// <summary>Validates the request, runs it, and computes the statistics.</summary>
    /// <param name="request">Tickers with data and programs, the timeframe, and the options.</param>
    /// <param name="progress">Optional: receives the fraction done, 0..1, every 65536 bars and after each ticker (isolated).</param>
    /// <param name="cancellationToken">Checked every 65536 bars.</param>
    public static BacktestResult Run(BacktestRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options;
        options.Validate();
        var windows = ValidateLegs(request);
        return options.Mode == BacktestMode.Isolated
            ? RunIsolated(request, windows, progress, cancellationToken)
            : RunCross(request, windows, progress, cancellationToken);
    }

    private static BacktestResult RunIsolated(BacktestRequest request, (int Start, int End)[] windows, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var options = request.Options;
        var legs = request.Legs;
        var share = options.InitialCash / legs.Count;
        var simulations = new Simulation[legs.Count];
        for (var i = 0; i < legs.Count; i++)
        {
            var (start, end) = windows[i];
            var state = CreateState(i, legs[i], start, end, options, share);
            var all = legs[i].Candles.Time;
            var timeline = start == 0 && end == all.Length ? all : all.AsSpan(start, end - start).ToArray();
            var simulation = new Simulation([state], timeline, request.Timeframe, options, share, isolated: true);
            simulation.Run(cancellationToken, progress, i / (double)legs.Count, 1.0 / legs.Count);
            simulations[i] = simulation;
            progress?.Report((i + 1) / (double)legs.Count);
        }

        return Compose(request, windows, simulations);
    }

    private static BacktestResult RunCross(BacktestRequest request, (int Start, int End)[] windows, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var options = request.Options;
        var legs = request.Legs;
        var states = new LegState[legs.Count];
        for (var i = 0; i < legs.Count; i++)
        {
            states[i] = CreateState(i, legs[i], windows[i].Start, windows[i].End, options, options.InitialCash);
        }

        var timeline = UnionTimeline(legs, windows);
        var simulation = new Simulation(states, timeline, request.Timeframe, options, options.InitialCash, isolated: false);
        simulation.Run(cancellationToken, progress);
        progress?.Report(1);
        return Compose(request, windows, [simulation]);
    }

    private static LegState CreateState(int index, BacktestLeg leg, int start, int end, BacktestOptions options, double cash)
    {
        var lot = options.LotStep ?? (double)leg.Spec.LotStep;
        return new LegState(index, leg, start, end, lot > 0 ? lot : 0, options.Leverage, cash, options.StartAtFirstTradableBar);
    }

    /// <summary>Every bar open time of any ticker inside its window, ascending, once.</summary>
    private static long[] UnionTimeline(IReadOnlyList<BacktestLeg> legs, (int Start, int End)[] windows)
    {
        var cursors = new int[legs.Count];
        var total = 0;
        for (var i = 0; i < legs.Count; i++)
        {
            cursors[i] = windows[i].Start;
            total += windows[i].End - windows[i].Start;
        }

        var merged = new List<long>(total);
        while (true)
        {
            var next = long.MaxValue;
            for (var i = 0; i < legs.Count; i++)
            {
                if (cursors[i] < windows[i].End)
                {
                    next = Math.Min(next, legs[i].Candles.Time[cursors[i]]);
                }
            }

            if (next == long.MaxValue)
            {
                return [.. merged];
            }

            merged.Add(next);
            for (var i = 0; i < legs.Count; i++)
            {
                if (cursors[i] < windows[i].End && legs[i].Candles.Time[cursors[i]] == next)
                {
                    cursors[i]++;
                }
            }
        }
    }

    private static BacktestResult Compose(BacktestRequest request, (int Start, int End)[] windows, Simulation[] simulations)
    {
        var options = request.Options;
        var legs = request.Legs;
        long[] time;
        double[] equity;
        double[] cash;
        double[] gross;
        bool[] exposed;
        if (simulations.Length == 1)
        {
            var only = simulations[0];
            (time, equity, cash, gross, exposed) = (only.Timeline, only.EquityColumn, only.CashColumn, only.GrossExposure, only.Exposed);
        }
        else
        {
            (time, equity, cash, gross, exposed) = Aggregate(simulations);
        }

        // The gross column becomes the exposure percent in place: nothing else reads it after this. The time column
        // may be the candles' own array; like them, result columns are read-only by convention.
        var exposurePct = gross;
        for (var i = 0; i < time.Length; i++)
        {
            exposurePct[i] = equity[i] > 0 ? gross[i] / equity[i] * 100 : 0;
        }

        var drawdown = MetricsCalculator.Drawdowns(equity, options.InitialCash);

        var trades = new List<(BacktestTrade Trade, int Leg, int Sequence)>();
        var rejections = new List<(RejectedOrder Order, int Sequence)>();
        var liquidations = new List<(LiquidationEvent Event, int Sequence)>();
        var open = new List<OpenPosition>();
        double fees = 0, funding = 0;
        var unfilled = 0;
        var index = new Dictionary<Ticker, int>(legs.Count);
        for (var i = 0; i < legs.Count; i++)
        {
            index[legs[i].Ticker] = i;
        }

        foreach (var simulation in simulations)
        {
            foreach (var trade in simulation.Trades)
            {
                trades.Add((trade, index[trade.Ticker], trades.Count));
            }

            foreach (var rejection in simulation.Rejections)
            {
                rejections.Add((rejection, rejections.Count));
            }

            foreach (var liquidation in simulation.LiquidationEvents)
            {
                liquidations.Add((liquidation, liquidations.Count));
            }

            open.AddRange(simulation.OpenAtEnd);
            fees += simulation.FeesPaid;
            funding += simulation.FundingPaid;
            unfilled += simulation.Unfilled;
        }

        var orderedTrades = trades
            .OrderBy(t => t.Trade.ExitTime)
            .ThenBy(t => t.Leg)
            .ThenBy(t => t.Sequence)
            .Select(t => t.Trade)
            .ToList();
        var orderedRejections = rejections.OrderBy(r => r.Order.Time).ThenBy(r => r.Sequence).Select(r => r.Order).ToList();
        var orderedLiquidations = liquidations.OrderBy(l => l.Event.Time).ThenBy(l => l.Sequence).Select(l => l.Event).ToList();

        var summaries = new TickerSummary[legs.Count];
        var buyAndHoldSum = 0.0;
        var rejectedTotal = 0;
        var liquidationTotal = 0;
        for (var i = 0; i < legs.Count; i++)
        {
            var (start, end) = windows[i];
            var close = legs[i].Candles.Close;
            var buyAndHold = ((close[end - 1] / close[start]) - 1) * 100;
            buyAndHoldSum += buyAndHold;
            var simulation = simulations.Length == 1 ? simulations[0] : simulations[i];
            var state = simulation.Legs.Length == 1 ? simulation.Legs[0] : simulation.Legs[i];
            var openPnl = 0.0;
            foreach (var position in simulation.OpenAtEnd)
            {
                if (position.Ticker == state.Ticker)
                {
                    openPnl += position.UnrealizedPnl - position.Fees - position.Funding;
                }
            }

            var pnl = state.Pnl + openPnl;
            double initial, finalEquity, maxDd;
            if (options.Mode == BacktestMode.Isolated)
            {
                initial = simulation.InitialCash;
                finalEquity = simulation.EquityColumn[^1];
                maxDd = MaxDrawdown(simulation.EquityColumn, initial);
            }
            else
            {
                initial = options.InitialCash;
                finalEquity = double.NaN;
                maxDd = double.NaN;
            }

            rejectedTotal += state.Rejected;
            liquidationTotal += state.Liquidations;
            summaries[i] = new TickerSummary(
                state.Ticker,
                initial,
                finalEquity,
                pnl,
                pnl / initial * 100,
                buyAndHold,
                maxDd,
                state.Trades,
                state.Trades > 0 ? state.Wins * 100.0 / state.Trades : double.NaN,
                state.Fees,
                state.FundingPaid,
                state.Rejected,
                state.Liquidations,
                end - start);
        }

        var metrics = MetricsCalculator.Compute(
            time,
            equity,
            drawdown,
            exposed,
            options.InitialCash,
            orderedTrades,
            request.Timeframe,
            options,
            buyAndHoldSum / legs.Count,
            fees,
            funding,
            rejectedTotal,
            liquidationTotal);

        return new BacktestResult
        {
            Options = options,
            Timeframe = request.Timeframe,
            Trades = orderedTrades,
            OpenPositions = open,
            Equity = new EquityCurve(time, equity, cash, exposurePct, drawdown),
            Tickers = summaries,
            Metrics = metrics,
            RejectedOrders = orderedRejections,
            Liquidations = orderedLiquidations,
            UnfilledOrders = unfilled,
        };
    }

    /// <summary>
    /// Sums isolated accounts on the union of their bar times. Before its first bar an account counts its initial
    /// cash; after its last bar, its final values.
    /// </summary>
    private static (long[] Time, double[] Equity, double[] Cash, double[] Gross, bool[] Exposed) Aggregate(Simulation[] simulations)
    {
        var time = UnionOf(simulations);
        var n = time.Length;
        var equity = new double[n];
        var cash = new double[n];
        var gross = new double[n];
        var exposed = new bool[n];
        foreach (var s in simulations)
        {
            var own = s.Timeline;
            var k = -1;
            for (var i = 0; i < n; i++)
            {
                while (k + 1 < own.Length && own[k + 1] <= time[i])
                {
                    k++;
                }

                if (k < 0)
                {
                    equity[i] += s.InitialCash;
                    cash[i] += s.InitialCash;
                    continue;
                }

                equity[i] += s.EquityColumn[k];
                cash[i] += s.CashColumn[k];
                gross[i] += s.GrossExposure[k];
                if (own[k] == time[i] && s.Exposed[k])
                {
                    exposed[i] = true;
                }
            }
        }

        return (time, equity, cash, gross, exposed);
    }

    private static long[] UnionOf(Simulation[] simulations)
    {
        var first = simulations[0].Timeline;
        var same = true;
        foreach (var s in simulations)
        {
            if (!s.Timeline.AsSpan().SequenceEqual(first))
            {
                same = false;
                break;
            }
        }

        if (same)
        {
            return first;
        }

        var total = 0;
        foreach (var s in simulations)
        {
            total += s.Timeline.Length;
        }

        var all = new long[total];
        var offset = 0;
        foreach (var s in simulations)
        {
            s.Timeline.CopyTo(all, offset);
            offset += s.Timeline.Length;
        }

        Array.Sort(all);
        var unique = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (unique == 0 || all[i] != all[unique - 1])
            {
                all[unique++] = all[i];
            }
        }

        return all.AsSpan(0, unique).ToArray();
    }

    private static (int Start, int End)[] ValidateLegs(BacktestRequest request)
    {
        var options = request.Options;
        var legs = request.Legs;
        if (legs is null || legs.Count == 0)
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, "The backtest has no tickers.", "Give at least one ticker with its candles (the universe).");
        }

        var seen = new HashSet<Ticker>();
        var anyPerpetual = false;
        var anyProgram = false;
        var windows = new (int Start, int End)[legs.Count];
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            var ticker = leg.Ticker;
            if (!seen.Add(ticker))
            {
                ThrowHelper.Throw(ErrorCode.ValidationError, $"Ticker {ticker} appears twice in the universe.", "List each ticker once.");
            }

            var isPerpetual = leg.Spec.ContractType == MarketType.Perpetual;
            anyPerpetual |= isPerpetual;
            anyProgram |= leg.Program is not null;
            if (isPerpetual && leg.Spec.MaxLeverage >= 1 && options.Leverage > leg.Spec.MaxLeverage)
            {
                ThrowHelper.Throw(
                    ErrorCode.ValidationError,
                    $"'leverage' = {options.Leverage.ToString(CultureInfo.InvariantCulture)} exceeds the maximum of {leg.Spec.MaxLeverage.ToString(CultureInfo.InvariantCulture)} for {ticker}.",
                    $"Use a leverage from 1 to {leg.Spec.MaxLeverage.ToString(CultureInfo.InvariantCulture)}.");
            }

            var candles = leg.Candles;
            var start = options.From is { } from ? candles.LowerBound(from) : 0;
            var end = options.To is { } to ? candles.LowerBound(to) : candles.Count;
            if (end <= start)
            {
                var covered = candles.Count == 0 ? "it has no candles" : $"its data covers {TimeFormat.ToIso(candles.Time[0])} to {TimeFormat.ToIso(candles.Time[^1])}";
                var range = $"{(options.From is { } f ? TimeFormat.ToIso(f) : "the start")} to {(options.To is { } t ? TimeFormat.ToIso(t) : "the end")}";
                ThrowHelper.Throw(ErrorCode.DataUnavailable, $"No {request.Timeframe} bars of {ticker} from {range}: {covered}.", "Choose 'from' and 'to' inside the data, or load more history.");
            }

            windows[i] = (start, end);
            CheckBars(leg, start, end, request.Timeframe);
            CheckProgram(leg);
            CheckFunding(leg);
        }

        if (options.Leverage > 1 && !anyPerpetual)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"'leverage' = {options.Leverage.ToString(CultureInfo.InvariantCulture)} applies to perpetuals only, and none of the tickers is a perpetual.",
                "Use leverage 1 for spot, or a perpetual ticker such as BINANCEFUTURESUSD:BTC/USDT:USDT.");
        }

        if (!anyProgram)
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, "No ticker of the backtest has a program to run.", "Compile the script for at least one ticker.");
        }

        return windows;
    }

    private static void CheckBars(BacktestLeg leg, int start, int end, Timeframe timeframe)
    {
        var c = leg.Candles;

        // Bars up to a day long are aligned on multiples of their length since the epoch (UTC); weeks and months
        // need the calendar.
        var length = timeframe.IsCalendarMonth || timeframe == Timeframe.W1 ? 0 : timeframe.NominalMilliseconds;
        for (var i = start; i < end; i++)
        {
            double o = c.Open[i], h = c.High[i], l = c.Low[i], cl = c.Close[i];
            if (!(o > 0 && h > 0 && l > 0 && cl > 0) || !double.IsFinite(o + h + l + cl) || h < l)
            {
                ThrowHelper.Throw(
                    ErrorCode.ValidationError,
                    $"{leg.Ticker}: the bar at {TimeFormat.ToIso(c.Time[i])} has open {Fmt(o)}, high {Fmt(h)}, low {Fmt(l)}, close {Fmt(cl)}.",
                    "Prices must be positive finite numbers with high >= low; repair or drop that bar.");
            }

            if (length > 0 ? c.Time[i] % length != 0 : !timeframe.IsAligned(c.Time[i]))
            {
                ThrowHelper.Throw(
                    ErrorCode.ValidationError,
                    $"{leg.Ticker}: the bar at {TimeFormat.ToIso(c.Time[i])} does not start on a {timeframe} boundary.",
                    $"Pass the timeframe the candles were built with (valid: {Timeframe.ValidNames}), or resample them.");
            }
        }
    }

    private static void CheckProgram(BacktestLeg leg)
    {
        if (leg.Program is not { } program)
        {
            return;
        }

        if (program.BarCount != leg.Candles.Count || !program.Time.SequenceEqual(leg.Candles.Time))
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"{leg.Ticker}: the program was prepared over {program.BarCount.ToString(CultureInfo.InvariantCulture)} bars that are not the {leg.Candles.Count.ToString(CultureInfo.InvariantCulture)} candles given to the backtest.",
                "Prepare the program over the same candles the backtest trades.");
        }
    }

    private static void CheckFunding(BacktestLeg leg)
    {
        if (leg.Funding is not { Count: > 0 } funding)
        {
            return;
        }

        for (var i = 0; i < funding.Count; i++)
        {
            if (!double.IsFinite(funding[i].Rate))
            {
                ThrowHelper.Throw(ErrorCode.ValidationError, $"{leg.Ticker}: the funding rate at {TimeFormat.ToIso(funding[i].Time)} is {Fmt(funding[i].Rate)}.", "Funding rates must be finite numbers.");
            }

            if (i > 0 && funding[i].Time < funding[i - 1].Time)
            {
                ThrowHelper.Throw(ErrorCode.ValidationError, $"{leg.Ticker}: funding events are out of order at {TimeFormat.ToIso(funding[i].Time)}.", "Sort the funding series by time.");
            }
        }
    }

    private static double MaxDrawdown(double[] equity, double initial)
    {
        var peak = initial;
        var max = 0.0;
        foreach (var e in equity)
        {
            peak = Math.Max(peak, e);
            max = Math.Max(max, peak > 0 ? (1 - (e / peak)) * 100 : 0);
        }

        return max;
    }

    private static string Fmt(double value) => value.ToString(CultureInfo.InvariantCulture);
}
