using System.Collections.Concurrent;
using System.Globalization;
using Tradewind.Core;

namespace Tradewind.MarketData.Sim;

/// <summary>
/// The built-in <c>sim</c> venue: deterministic synthetic markets for 24 USDT pairs (spot and perpetual), with no
/// keys and no network. A daily layer simulated from genesis fixes each day's open, close, volatility, regime,
/// volume and perp basis; an intraday layer keyed by (seed, symbol, day) draws the day's minutes and bridges them to
/// that close, so any range can be generated without simulating what lies before it. Coarser bars are exact
/// aggregations of the 1m bars. Only bars that have closed by the injected clock's "now" are served.
/// See docs/sim-venue.md for the model.
/// </summary>
public sealed class SimMarketDataProvider : IMarketDataProvider
{
    /// <summary>One call returns at most this many bars (about 9.5 years of 1m bars).</summary>
    public const int MaxBarsPerRequest = 5_000_000;

    private const int Minutes = SimModel.MinutesPerDay;
    private const long MinuteMs = SimModel.MinuteMs;
    private const long DayMs = SimModel.DayMs;
    private const long FundingIntervalMs = SimModel.FundingIntervalMinutes * MinuteMs;

    // A weekly or monthly bar that contains genesis opens at most 31 days before it.
    private const long CalendarLeadMs = 31 * DayMs;

    private static readonly IReadOnlyList<InstrumentSpec> Instruments = BuildInstruments();

    private readonly SimDayCache _dayCache = new();
    private readonly ConcurrentDictionary<(ulong Symbol, bool Perpetual), ClosedTrailingDay> _trailing = new();
    private readonly TimeProvider _time;
    private readonly ulong _seed;
    private readonly long _genesisMs;
    private readonly long _genesisUnixDay;
    private SimDailyLayer? _layer;

    public SimMarketDataProvider(SimOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new SimOptions();
        _time = time ?? TimeProvider.System;
        _seed = unchecked((ulong)Options.Seed);
        _genesisMs = Options.Genesis.ToUnixTimeMilliseconds();
        if (_genesisMs < 0 || _genesisMs % DayMs != 0)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"SimOptions.Genesis = {Options.Genesis.ToString("O", CultureInfo.InvariantCulture)} is not a UTC midnight on or after 1970-01-01.",
                "Use a UTC date such as 2015-01-01T00:00:00Z (the default).");
        }

        _genesisUnixDay = _genesisMs / DayMs;
    }

    public SimOptions Options { get; }

    public ExchangeId Exchange => ExchangeId.Sim;

    /// <summary>Every timeframe: the sim aggregates its 1m bars itself, exactly.</summary>
    public IReadOnlyList<Timeframe> NativeTimeframes => Timeframe.All;

    /// <summary>The first instant with data, Unix milliseconds.</summary>
    public long GenesisMs => _genesisMs;

    public Task<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Instruments);

    public Task<CandleSeries> GetCandlesAsync(
        Ticker ticker, Timeframe timeframe, long fromMs, long toMs, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var symbol = SimUniverse.Resolve(ticker);
        var perpetual = ticker.MarketType == MarketType.Perpetual;
        if (timeframe.NominalMilliseconds <= 0)
        {
            ThrowHelper.Throw(ErrorCode.UnknownTimeframe, "The timeframe is not set.", $"Valid timeframes: {Timeframe.ValidNames}.");
        }

        // A bar is served when its open time is in [from, to) and it has closed by now. Clamping first keeps the
        // calendar arithmetic in range whatever the caller passes.
        var now = NowMs();
        fromMs = Math.Max(fromMs, _genesisMs - CalendarLeadMs);
        toMs = Math.Min(toMs, now);
        if (toMs <= fromMs)
        {
            return Task.FromResult(CandleSeries.Empty);
        }

        var first = timeframe.IsAligned(fromMs) ? fromMs : timeframe.Next(fromMs);
        var start = Math.Max(first, _genesisMs);
        var end = Math.Min(timeframe.Next(timeframe.Floor(toMs - 1)), timeframe.Floor(now));
        if (end <= start)
        {
            return Task.FromResult(CandleSeries.Empty);
        }

        var count = timeframe.CountBars(timeframe.Floor(start), end);
        if (count > MaxBarsPerRequest)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"{ticker} {timeframe} from {TimeFormat.ToIso(start)} to {TimeFormat.ToIso(end)} is {count.ToString(CultureInfo.InvariantCulture)} bars; the sim serves at most {MaxBarsPerRequest.ToString(CultureInfo.InvariantCulture)} per call.",
                "Fetch a shorter range (a year of 1m bars is 525,600) or a coarser timeframe.");
        }

        var generator = new SimDayGenerator(_seed, Layer(DayIndex(end - 1) + 1), symbol, perpetual);
        var series = timeframe.NominalMilliseconds <= DayMs && !timeframe.IsCalendarMonth
            ? AggregateWithinDays(generator, timeframe, start, end, (int)count, progress, cancellationToken)
            : AggregateDays(generator, timeframe, start, end, (int)count, progress, cancellationToken);
        return Task.FromResult(series);
    }

    public Task<TickerQuote> GetTickerAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        var symbol = SimUniverse.Resolve(ticker);
        var perpetual = ticker.MarketType == MarketType.Perpetual;
        var now = NowMs();
        var window = TrailingDay(symbol, perpetual, now);
        var (bid, ask) = Spread(symbol, perpetual, window.Last, now);
        return Task.FromResult(new TickerQuote(
            perpetual ? symbol.Perpetual : symbol.Spot,
            now,
            window.Last,
            bid,
            ask,
            window.Open,
            window.High,
            window.Low,
            window.Volume,
            window.QuoteVolume));
    }

    public Task<TopOfBook> GetTopOfBookAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        var symbol = SimUniverse.Resolve(ticker);
        var perpetual = ticker.MarketType == MarketType.Perpetual;
        var now = NowMs();
        var window = TrailingDay(symbol, perpetual, now);
        var (bid, ask) = Spread(symbol, perpetual, window.Last, now);

        // Resting size at the touch: a random fraction of an average minute's volume, rounded to the lot step.
        var rng = new SimRandom(SimRandom.Key(_seed, SimModel.SaltBook, symbol.Hash, (now / 1000) + 1));
        var minuteVolume = window.Volume / Math.Max(1, window.Minutes);
        var lotScale = perpetual ? symbol.PerpLotScale : symbol.SpotLotScale;
        const double range = SimModel.BookSizeMax - SimModel.BookSizeMin;
        var bidSize = Math.Max(1.0, Math.Round(minuteVolume * (SimModel.BookSizeMin + (range * rng.NextDouble())) * lotScale)) / lotScale;
        var askSize = Math.Max(1.0, Math.Round(minuteVolume * (SimModel.BookSizeMin + (range * rng.NextDouble())) * lotScale)) / lotScale;
        return Task.FromResult(new TopOfBook(perpetual ? symbol.Perpetual : symbol.Spot, now, bid, bidSize, ask, askSize));
    }

    public Task<IReadOnlyList<FundingRate>> GetFundingRatesAsync(Ticker ticker, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        var symbol = SimUniverse.Resolve(ticker);
        if (ticker.MarketType != MarketType.Perpetual)
        {
            ThrowHelper.Throw(
                ErrorCode.DataUnavailable,
                $"'{ticker}' is a spot market; funding exists only on perpetuals.",
                $"Ask for the perpetual instead: {symbol.Perpetual}.");
        }

        // Funding settles at 00:00, 08:00 and 16:00 UTC; the first event is 8 hours after genesis.
        var now = NowMs();
        var firstMs = Math.Max(fromMs, _genesisMs + FundingIntervalMs);
        var rem = firstMs % FundingIntervalMs;
        if (rem != 0)
        {
            firstMs += FundingIntervalMs - rem;
        }

        var endMs = Math.Min(toMs, now == long.MaxValue ? now : now + 1);
        var rates = new List<FundingRate>();
        if (endMs <= firstMs)
        {
            return Task.FromResult<IReadOnlyList<FundingRate>>(rates);
        }

        rates.Capacity = (int)Math.Min(((endMs - 1 - firstMs) / FundingIntervalMs) + 1, int.MaxValue / 2);
        var generator = new SimDayGenerator(_seed, Layer(DayIndex(endMs - 1) + 1), symbol, perpetual: true);
        for (var t = firstMs; t < endMs; t += FundingIntervalMs)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The event at t averages the premium over (t - 8h, t]: minute boundaries of the day that holds t - 1ms.
            var day = DayIndex(t - 1);
            var slot = (int)((t - DayStart(day)) / FundingIntervalMs);
            generator.GenerateBasis(day);
            rates.Add(new FundingRate(t, FundingFromBasis(generator.Basis, slot)));
        }

        return Task.FromResult<IReadOnlyList<FundingRate>>(rates);
    }

    /// <summary>
    /// Binance's rule: F = P + clamp(I - P, -0.05%, +0.05%), capped at +-0.75%, with P the average premium over the
    /// interval and I the 0.01% interest; rounded to 1e-8 like the venues publish it.
    /// </summary>
    internal static double FundingFromBasis(double[] basis, int slot)
    {
        const int n = SimModel.FundingIntervalMinutes;
        var sum = 0.0;
        var from = ((slot - 1) * n) + 1;
        for (var j = from; j < from + n; j++)
        {
            sum += basis[j];
        }

        var premium = sum / n;
        var rate = premium + Math.Clamp(SimModel.FundingInterest - premium, -SimModel.FundingPremiumClamp, SimModel.FundingPremiumClamp);
        rate = Math.Clamp(rate, -SimModel.FundingCap, SimModel.FundingCap);
        return Math.Round(rate * 1e8) / 1e8;
    }

    /// <summary>The daily layer covering at least <paramref name="days"/> days, grown (lock-free) when needed.</summary>
    internal SimDailyLayer Layer(int days)
    {
        var layer = Volatile.Read(ref _layer);
        while (layer is null || layer.Days < days)
        {
            // Grow with headroom so a clock that moves forward does not rebuild it every day.
            var size = Math.Max(days + 366, (layer?.Days ?? 0) * 2);
            var grown = new SimDailyLayer(_seed, _genesisUnixDay, size);
            var seen = Interlocked.CompareExchange(ref _layer, grown, layer);
            layer = ReferenceEquals(seen, layer) ? grown : seen;
        }

        return layer;
    }

    internal SimDayGenerator CreateGenerator(SimSymbol symbol, bool perpetual, int lastDay) =>
        new(_seed, Layer(lastDay + 1), symbol, perpetual);

    private CandleSeries AggregateWithinDays(
        SimDayGenerator generator, Timeframe timeframe, long start, long end, int count, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var barMinutes = (int)(timeframe.NominalMilliseconds / MinuteMs);
        var time = new long[count];
        var open = new double[count];
        var high = new double[count];
        var low = new double[count];
        var close = new double[count];
        var volume = new double[count];
        var n = 0;
        for (var dayStart = start - Mod(start, DayMs); dayStart < end; dayStart += DayMs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            generator.Generate(DayIndex(dayStart));
            var firstMinute = start > dayStart ? (int)((start - dayStart) / MinuteMs) : 0;
            var endMinute = end < dayStart + DayMs ? (int)((end - dayStart) / MinuteMs) : Minutes;
            var o = generator.Open;
            var h = generator.High;
            var l = generator.Low;
            var c = generator.Close;
            var v = generator.Volume;
            for (var m = firstMinute; m < endMinute; m += barMinutes)
            {
                double hi = h[m], lo = l[m], vol = v[m];
                var last = m + barMinutes;
                for (var i = m + 1; i < last; i++)
                {
                    if (h[i] > hi)
                    {
                        hi = h[i];
                    }

                    if (l[i] < lo)
                    {
                        lo = l[i];
                    }

                    vol += v[i];
                }

                time[n] = dayStart + (m * MinuteMs);
                open[n] = o[m];
                high[n] = hi;
                low[n] = lo;
                close[n] = c[last - 1];
                volume[n] = vol;
                n++;
            }

            progress?.Report(time[n - 1]);
        }

        return new CandleSeries(time, open, high, low, close, volume);
    }

    private CandleSeries AggregateDays(
        SimDayGenerator generator, Timeframe timeframe, long start, long end, int capacity, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var instrument = (SimUniverse.IndexOf(generator.Symbol) * 2) + (generator.IsPerpetual ? 1 : 0);
        var builder = new CandleSeriesBuilder(capacity);
        var bucket = long.MinValue;
        double bo = 0, bh = 0, bl = 0, bc = 0, bv = 0;
        for (var dayStart = start; dayStart < end; dayStart += DayMs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var day = DayIndex(dayStart);
            if (!_dayCache.TryGet(instrument, day, out var bar))
            {
                generator.Generate(day);
                bar = SummarizeDay(generator, dayStart);
                _dayCache.Set(instrument, day, bar);
            }

            var dayBucket = timeframe.Floor(dayStart);
            if (dayBucket != bucket)
            {
                if (bucket != long.MinValue)
                {
                    builder.Add(bucket, bo, bh, bl, bc, bv);
                    progress?.Report(bucket);
                }

                bucket = dayBucket;
                bo = bar.Open;
                bh = bar.High;
                bl = bar.Low;
                bv = bar.Volume;
            }
            else
            {
                bh = Math.Max(bh, bar.High);
                bl = Math.Min(bl, bar.Low);
                bv += bar.Volume;
            }

            bc = bar.Close;
        }

        if (bucket != long.MinValue)
        {
            builder.Add(bucket, bo, bh, bl, bc, bv);
            progress?.Report(bucket);
        }

        return builder.Build();
    }

    private static Candle SummarizeDay(SimDayGenerator generator, long dayStart)
    {
        var h = generator.High;
        var l = generator.Low;
        var v = generator.Volume;
        double hi = h[0], lo = l[0], vol = v[0];
        for (var i = 1; i < Minutes; i++)
        {
            if (h[i] > hi)
            {
                hi = h[i];
            }

            if (l[i] < lo)
            {
                lo = l[i];
            }

            vol += v[i];
        }

        return new Candle(dayStart, generator.Open[0], hi, lo, generator.Close[Minutes - 1], vol);
    }

    private static long Mod(long value, long divisor)
    {
        var r = value % divisor;
        return r < 0 ? r + divisor : r;
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<InstrumentSpec> BuildInstruments()
    {
        var list = new List<InstrumentSpec>(SimUniverse.Symbols.Count * 2);
        foreach (var s in SimUniverse.Symbols)
        {
            var spotLot = PowerOfTenth(s.SpotLotDecimals);
            var perpLot = PowerOfTenth(s.PerpLotDecimals);
            list.Add(new InstrumentSpec(s.Spot, PowerOfTenth(s.SpotTickDecimals), spotLot, spotLot, 5m, MarketType.Spot, null, 1));
            list.Add(new InstrumentSpec(
                s.Perpetual, PowerOfTenth(s.PerpTickDecimals), perpLot, perpLot, s.PerpMinNotional, MarketType.Perpetual,
                TimeSpan.FromHours(8), s.MaxLeverage));
        }

        return list.AsReadOnly();
    }

    private static decimal PowerOfTenth(int decimals) => new(1, 0, 0, false, (byte)decimals);

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private int DayIndex(long timeMs) => (int)((timeMs - _genesisMs) / DayMs);

    private long DayStart(int day) => _genesisMs + (day * DayMs);

    /// <summary>
    /// The trailing 24 hours at <paramref name="now"/>: the 1439 closed minutes before the current one, plus the
    /// current minute up to now. The last price moves linearly from the minute's open to its close as the minute passes.
    /// </summary>
    private TrailingWindow TrailingDay(SimSymbol symbol, bool perpetual, long now)
    {
        if (now < _genesisMs)
        {
            ThrowHelper.Throw(
                ErrorCode.DataUnavailable,
                $"The sim venue has no data before its genesis {TimeFormat.ToIso(_genesisMs)}; the clock reads {TimeFormat.ToIso(now)}.",
                "Set the clock at or after genesis, or configure an earlier SimOptions.Genesis.");
        }

        var current = now - Mod(now, MinuteMs);
        var key = (symbol.Hash, perpetual);
        if (!_trailing.TryGetValue(key, out var closed) || closed.Current != current)
        {
            closed = ClosedMinutes(symbol, perpetual, current);
            _trailing[key] = closed;
        }

        // The minute in progress moves with the clock: interpolate it from the cached path.
        var window = closed.Window;
        var fraction = (now - current) / (double)MinuteMs;
        var last = Math.Max(1.0, Math.Round((closed.PriceNow + (fraction * (closed.PriceNext - closed.PriceNow))) * closed.TickScale)) / closed.TickScale;
        if (window.Minutes == 0)
        {
            window.Open = closed.OpenNow;
        }

        window.Last = last;
        window.High = Math.Max(window.High, Math.Max(closed.OpenNow, last));
        window.Low = Math.Min(window.Low, Math.Min(closed.OpenNow, last));
        window.Volume += fraction * closed.VolumeNow;
        window.QuoteVolume += fraction * closed.VolumeNow * 0.5 * (closed.OpenNow + last);
        window.Minutes++;
        return window;
    }

    /// <summary>
    /// The closed minutes of the trailing day ending at <paramref name="current"/> (a minute boundary), and the path
    /// of the minute in progress. Generating them costs two simulated days, so they are kept until the minute ends.
    /// </summary>
    private ClosedTrailingDay ClosedMinutes(SimSymbol symbol, bool perpetual, long current)
    {
        var windowStart = Math.Max(_genesisMs, current - ((Minutes - 1) * MinuteMs));
        var lastDay = DayIndex(current);
        var generator = new SimDayGenerator(_seed, Layer(lastDay + 1), symbol, perpetual);
        var window = new TrailingWindow { High = double.MinValue, Low = double.MaxValue };
        var first = true;
        for (var day = DayIndex(windowStart); day <= lastDay; day++)
        {
            generator.Generate(day);
            var dayStart = DayStart(day);
            var from = (int)((Math.Max(windowStart, dayStart) - dayStart) / MinuteMs);
            var to = (int)((Math.Min(current, dayStart + DayMs) - dayStart) / MinuteMs);
            for (var i = from; i < to; i++)
            {
                if (first)
                {
                    window.Open = generator.Open[i];
                    first = false;
                }

                window.High = Math.Max(window.High, generator.High[i]);
                window.Low = Math.Min(window.Low, generator.Low[i]);
                window.Volume += generator.Volume[i];
                window.QuoteVolume += generator.Volume[i] * 0.25 * (generator.Open[i] + generator.High[i] + generator.Low[i] + generator.Close[i]);
                window.Minutes++;
            }
        }

        var m = (int)((current - DayStart(lastDay)) / MinuteMs);
        return new ClosedTrailingDay(current, window, generator.Open[m], generator.Price[m], generator.Price[m + 1], generator.Volume[m], symbol.TickScale(perpetual));
    }

    /// <summary>Bid and ask around the last price, 1 to 3 ticks apart, varying second by second.</summary>
    private (double Bid, double Ask) Spread(SimSymbol symbol, bool perpetual, double last, long now)
    {
        var scale = symbol.TickScale(perpetual);
        var rng = new SimRandom(SimRandom.Key(_seed, SimModel.SaltBook, symbol.Hash, now / 1000));
        var ticks = 1 + (int)(rng.NextUInt64() % SimModel.MaxSpreadTicks);
        var lastTicks = Math.Round(last * scale);
        var askTicks = lastTicks + ((ticks + 1) / 2);
        var bidTicks = Math.Max(1.0, askTicks - ticks);
        return (bidTicks / scale, askTicks / scale);
    }

    private sealed record ClosedTrailingDay(
        long Current, TrailingWindow Window, double OpenNow, double PriceNow, double PriceNext, double VolumeNow, double TickScale);

    private struct TrailingWindow
    {
        public double Last;
        public double Open;
        public double High;
        public double Low;
        public double Volume;
        public double QuoteVolume;
        public int Minutes;
    }
}
