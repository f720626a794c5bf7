using Tradewind.Core;
using Tradewind.Signals.Intents;
using Tradewind.Signals.Runtime;

namespace Tradewind.Backtesting;

/// <summary>
/// One account trading one or more tickers over a shared timeline. Isolated backtests run one simulation per
/// ticker; cross backtests run one simulation over every ticker. Per time step, for each ticker with a bar then:
/// <list type="number">
/// <item>at the open: liquidations, stops and take-profits gapped through fill at the open;</item>
/// <item>pending orders fill at the open (next-open mode), reductions before increases so sales fund purchases;</item>
/// <item>funding events inside the bar are settled on the position held after the open;</item>
/// <item>inside the bar: liquidation, stop and trailing stop (whichever lies nearest the open), then take-profit;</item>
/// <item>at the close: trailing extremes move, programs are evaluated, and in close mode their orders fill;</item>
/// <item>the equity point is recorded.</item>
/// </list>
/// Nothing in the per-bar path allocates except the records of trades and rejections.
/// </summary>
internal sealed class Simulation : IPortfolioView
{
    // Relative slack for the funding check: weight-sized orders cost exactly the equity share, and rounding must not
    // turn that into a rejection.
    private const double FundingSlack = 1e-9;

    private readonly LegState[] _legs;
    private readonly Dictionary<Ticker, LegState>? _byTicker;
    private readonly long[] _timeline;
    private readonly Timeframe _timeframe;
    private readonly long _barMilliseconds;
    private readonly double _fee;
    private readonly double _slippage;
    private readonly double _band;
    private readonly double _maintenance;
    private readonly FillTiming _fill;
    private readonly EndOfDataPolicy _endOfData;
    private readonly bool _isolated;
    private readonly List<EmittedSignal> _sink = new(8);
    private readonly List<BacktestTrade> _trades = [];
    private readonly List<RejectedOrder> _rejections = [];
    private readonly List<LiquidationEvent> _liquidations = [];
    private readonly List<OpenPosition> _openAtEnd = [];
    private readonly double[] _equity;
    private readonly double[] _cashColumn;
    private readonly double[] _exposure;
    private readonly bool[] _exposed;

    private double _cash;
    private int _openPositions;
    private int _pendingCount;
    private bool _bankrupt;
    private double _feesPaid;
    private double _fundingPaid;
    private int _unfilled;

    public Simulation(LegState[] legs, long[] timeline, Timeframe timeframe, BacktestOptions options, double initialCash, bool isolated)
    {
        _legs = legs;
        _timeline = timeline;
        _timeframe = timeframe;
        _barMilliseconds = timeframe.IsCalendarMonth ? 0 : timeframe.NominalMilliseconds;
        _fee = options.TradingFee;
        _slippage = options.Slippage;
        _band = options.RebalanceBand;
        _maintenance = options.MaintenanceMarginRate;
        _fill = options.Fill;
        _endOfData = options.EndOfData;
        _isolated = isolated;
        _cash = initialCash;
        InitialCash = initialCash;
        if (legs.Length > 1)
        {
            _byTicker = new Dictionary<Ticker, LegState>(legs.Length);
            foreach (var leg in legs)
            {
                _byTicker[leg.Ticker] = leg;
            }
        }

        _equity = new double[timeline.Length];
        _cashColumn = new double[timeline.Length];
        _exposure = new double[timeline.Length];
        _exposed = new bool[timeline.Length];
    }

    public double InitialCash { get; }

    public LegState[] Legs => _legs;

    public long[] Timeline => _timeline;

    public double[] EquityColumn => _equity;

    public double[] CashColumn => _cashColumn;

    /// <summary>Gross position value per step (not yet a percent).</summary>
    public double[] GrossExposure => _exposure;

    public bool[] Exposed => _exposed;

    public List<BacktestTrade> Trades => _trades;

    public List<RejectedOrder> Rejections => _rejections;

    public List<LiquidationEvent> LiquidationEvents => _liquidations;

    public List<OpenPosition> OpenAtEnd => _openAtEnd;

    public double FeesPaid => _feesPaid;

    public double FundingPaid => _fundingPaid;

    public int Unfilled => _unfilled;

    public double Equity
    {
        get
        {
            var equity = _cash;
            foreach (var leg in _legs)
            {
                if (leg.Side != 0)
                {
                    equity += leg.Value(leg.LastPrice);
                }
            }

            return equity;
        }
    }

    public double Cash => _cash;

    public PositionState Position(Ticker ticker)
    {
        var leg = Find(ticker, null);
        if (leg.Side == 0)
        {
            return PositionState.Flat;
        }

        var upnlPct = leg.Side * (leg.LastPrice / leg.EntryPrice - 1) * leg.Leverage * 100;
        return new PositionState(leg.SignedQuantity, leg.PositionSide, leg.EntryPrice, leg.Bar - leg.EntryBar, upnlPct);
    }

    /// <summary>Runs the bar loop; <paramref name="progress"/> hears offset + scale * (share of bars done) now and then.</summary>
    public void Run(CancellationToken cancellationToken, IProgress<double>? progress = null, double offset = 0, double scale = 1)
    {
        var legs = _legs;
        var nextOpen = _fill == FillTiming.NextOpen;
        for (var step = 0; step < _timeline.Length; step++)
        {
            if ((step & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (step > 0)
                {
                    progress?.Report(offset + (scale * step / _timeline.Length));
                }
            }

            var t = _timeline[step];

            // At the open: which tickers have a bar now, and the levels their open already passed.
            foreach (var leg in legs)
            {
                var active = leg.Cursor < leg.End && leg.Time[leg.Cursor] == t;
                leg.Active = active;
                if (active)
                {
                    leg.Bar = leg.Cursor;
                    if (leg.Side != 0)
                    {
                        CheckOpen(leg, t);
                    }
                }
            }

            if (nextOpen && _pendingCount > 0)
            {
                FillPending(atOpen: true, t);
            }

            // Inside the bar and at its close; each ticker on its own.
            var exposed = _openPositions > 0;
            foreach (var leg in legs)
            {
                if (!leg.Active)
                {
                    continue;
                }

                if (leg.FundingCursor < leg.Funding.Length)
                {
                    SettleFunding(leg, t);
                }

                var bar = leg.Bar;
                if (leg.Side != 0)
                {
                    CheckIntrabar(leg, t);
                    if (leg.Side > 0)
                    {
                        leg.Extreme = Math.Max(leg.Extreme, leg.High[bar]);
                    }
                    else if (leg.Side < 0)
                    {
                        leg.Extreme = Math.Min(leg.Extreme, leg.Low[bar]);
                    }
                }

                leg.LastPrice = leg.Close[bar];
            }

            // Programs run once every ticker's close is known, since a script may read other tickers' positions.
            if (!_bankrupt)
            {
                foreach (var leg in legs)
                {
                    if (leg.Active && leg.Bar >= leg.FirstEvalBar)
                    {
                        Evaluate(leg, t);
                    }
                }
            }

            if (!nextOpen && _pendingCount > 0)
            {
                FillPending(atOpen: false, t);
            }

            Record(step, t, exposed || _openPositions > 0);
        }

        Finish();
    }

    private void Evaluate(LegState leg, long t)
    {
        _sink.Clear();
        leg.Program!.EvaluateBar(leg.Bar, this, _sink);
        var count = _sink.Count;
        for (var i = 0; i < count; i++)
        {
            Route(_sink[i].Intent, leg, t);
        }
    }

    private void Route(SignalIntent intent, LegState home, long t)
    {
        var leg = intent.Ticker is { } ticker ? Find(ticker, home) : home;
        if (intent.Kind == IntentKind.Entry)
        {
            var side = (int)intent.Side;
            var size = intent.Size;
            if (side is not (1 or -1) || !Enum.IsDefined(size.Kind) || !double.IsFinite(size.Value) || size.Value < 0)
            {
                Reject(leg, t, intent.Side, size.Value, double.NaN, RejectReason.InvalidSize);
                return;
            }

            if (!ValidExitPct(intent.StopLossPct) || !ValidExitPct(intent.TakeProfitPct) || !ValidExitPct(intent.TrailingStopPct))
            {
                Reject(leg, t, intent.Side, size.Value, double.NaN, RejectReason.InvalidExitLevel);
                return;
            }

            if (!leg.HasPending)
            {
                leg.HasPending = true;
                _pendingCount++;
            }

            leg.PendingEntry = true;
            leg.PendingSide = side;
            leg.PendingSize = size;
            leg.PendingStopPct = intent.StopLossPct ?? double.NaN;
            leg.PendingTakePct = intent.TakeProfitPct ?? double.NaN;
            leg.PendingTrailPct = intent.TrailingStopPct ?? double.NaN;
            leg.PendingKeep = 1;
            leg.PendingTime = t;
            return;
        }

        var fraction = intent.ExitFraction;
        if (!(fraction > 0 && fraction <= 1))
        {
            Reject(leg, t, (PositionSide)(-leg.Side), fraction, double.NaN, RejectReason.InvalidSize);
            return;
        }

        if (!leg.HasPending)
        {
            leg.HasPending = true;
            leg.PendingEntry = false;
            leg.PendingKeep = 1;
            _pendingCount++;
        }

        leg.PendingKeep *= 1 - fraction;
        leg.PendingTime = t;
    }

    private static bool ValidExitPct(double? pct) => pct is not { } p || (double.IsFinite(p) && p > 0);

    private LegState Find(Ticker ticker, LegState? home)
    {
        if (home is not null && ticker == home.Ticker)
        {
            return home;
        }

        if (_byTicker is not null && _byTicker.TryGetValue(ticker, out var leg))
        {
            return leg;
        }

        if (_byTicker is null && ticker == _legs[0].Ticker)
        {
            return _legs[0];
        }

        return ThrowUnknownTicker(ticker, home);
    }

    private LegState ThrowUnknownTicker(Ticker ticker, LegState? home)
    {
        var universe = string.Join(", ", _legs.Select(l => l.Ticker.ToString()));
        var who = home is null ? "The program" : $"The program for {home.Ticker}";
        throw new TradewindException(
            ErrorCode.ValidationError,
            $"{who} refers to {ticker}, which this {(_isolated ? "isolated account" : "backtest")} does not trade (it trades {universe}).",
            _isolated
                ? "In isolated mode each ticker's script trades only its own ticker; use mode cross to trade one ticker from another's script, and add the ticker to the universe."
                : "Add the ticker to the backtest universe.");
    }

    private void FillPending(bool atOpen, long t)
    {
        var legs = _legs;

        // Weight targets are fractions of the equity at the fill prices.
        var equity = _cash;
        foreach (var leg in legs)
        {
            if (leg.Side != 0)
            {
                equity += leg.Value(leg.Active ? ReferencePrice(leg, atOpen) : leg.LastPrice);
            }
        }

        var acting = 0;
        foreach (var leg in legs)
        {
            if (leg.HasPending && leg.Active)
            {
                if (ComputeTarget(leg, equity, ReferencePrice(leg, atOpen), t))
                {
                    acting++;
                }
                else
                {
                    leg.Target = double.NaN;
                }
            }
        }

        if (acting > 0)
        {
            foreach (var leg in legs)
            {
                if (leg.HasPending && leg.Active && !double.IsNaN(leg.Target))
                {
                    Reduce(leg, atOpen, t);
                }
            }

            // The sales just paid fees and slippage: weight entries are sized again on what is left, so a reversal
            // or a rotation into another ticker stays fundable.
            var after = _cash;
            foreach (var leg in legs)
            {
                if (leg.Side != 0)
                {
                    after += leg.Value(leg.Active ? ReferencePrice(leg, atOpen) : leg.LastPrice);
                }
            }

            foreach (var leg in legs)
            {
                if (leg.HasPending && leg.Active && !double.IsNaN(leg.Target))
                {
                    Increase(leg, atOpen, after, t);
                }
            }
        }

        foreach (var leg in legs)
        {
            if (leg.HasPending && leg.Active)
            {
                leg.ClearPending();
                _pendingCount--;
            }
        }
    }

    private static double ReferencePrice(LegState leg, bool atOpen) => atOpen ? leg.Open[leg.Bar] : leg.Close[leg.Bar];

    /// <summary>Sets <see cref="LegState.Target"/>; false when the order does nothing or was rejected.</summary>
    private bool ComputeTarget(LegState leg, double equity, double price, long t)
    {
        if (!leg.PendingEntry)
        {
            if (leg.Side == 0 || leg.PendingKeep >= 1)
            {
                return false;
            }

            leg.ReduceReason = ExitReason.Signal;
            if (leg.PendingKeep <= 0)
            {
                leg.Target = 0;
                return true;
            }

            var wanted = leg.Quantity * (1 - leg.PendingKeep);
            var close = FloorLot(wanted, leg.LotStep);
            if (close <= 0)
            {
                Reject(leg, t, (PositionSide)(-leg.Side), wanted, price, RejectReason.BelowLotStep);
                return false;
            }

            leg.Target = leg.Side * Math.Max(0, leg.Quantity - close);
            return true;
        }

        var side = leg.PendingSide;
        var raw = RawEntryQuantity(leg, equity, price);
        var fillPrice = price * (1 + (side * _slippage));
        var quantity = FloorLot(raw, leg.LotStep);
        if (quantity <= 0 && raw > 0 && leg.Side != side)
        {
            Reject(leg, t, (PositionSide)side, raw, fillPrice, RejectReason.BelowLotStep);
        }

        if (leg.Side == side && quantity > 0 && Math.Abs(quantity - leg.Quantity) <= _band * quantity)
        {
            return false;
        }

        leg.ReduceReason = quantity <= 0 ? ExitReason.Signal : leg.Side == side ? ExitReason.Rebalance : ExitReason.Reversal;
        leg.Target = side * quantity;
        return leg.Side != 0 || quantity > 0;
    }

    /// <summary>The unrounded quantity a pending entry asks for at <paramref name="price"/> with <paramref name="equity"/>.</summary>
    private double RawEntryQuantity(LegState leg, double equity, double price)
    {
        var size = leg.PendingSize;
        var fillPrice = price * (1 + (leg.PendingSide * _slippage));
        var raw = size.Kind switch
        {
            // Margin plus opening fee equal the weight's share of equity, so Weight(1) from flat is "all in".
            SizeKind.Weight => size.Value * equity / (fillPrice * ((1 / leg.Leverage) + _fee)),
            SizeKind.Quantity => size.Value,
            _ => size.Value / price,
        };
        raw *= leg.PendingKeep;
        return raw > 0 ? raw : 0;
    }

    private void Reduce(LegState leg, bool atOpen, long t)
    {
        if (leg.Side == 0)
        {
            return;
        }

        var target = leg.Target;
        double quantity;
        if (target == 0 || Math.Sign(target) != leg.Side)
        {
            quantity = leg.Quantity;
        }
        else if (Math.Abs(target) < leg.Quantity)
        {
            quantity = leg.Quantity - Math.Abs(target);
        }
        else
        {
            return;
        }

        var price = ReferencePrice(leg, atOpen) * (1 - (leg.Side * _slippage));
        if (quantity < leg.Quantity && !MeetsMinimums(leg, t, (PositionSide)(-leg.Side), quantity, price))
        {
            return;
        }

        ClosePart(leg, quantity, price, leg.ReduceReason, t);
    }

    private void Increase(LegState leg, bool atOpen, double equity, long t)
    {
        var target = leg.Target;
        if (target == 0)
        {
            return;
        }

        var side = Math.Sign(target);
        if (leg.Side != 0 && leg.Side != side)
        {
            return;
        }

        var wanted = Math.Abs(target);
        if (leg.PendingEntry && leg.PendingSize.Kind == SizeKind.Weight)
        {
            wanted = Math.Min(wanted, FloorLot(RawEntryQuantity(leg, equity, ReferencePrice(leg, atOpen)), leg.LotStep));
        }

        var quantity = wanted - leg.Quantity;
        if (quantity <= 0)
        {
            return;
        }

        var price = ReferencePrice(leg, atOpen) * (1 + (side * _slippage));
        if (_bankrupt)
        {
            Reject(leg, t, (PositionSide)side, quantity, price, RejectReason.Bankrupt);
            return;
        }

        if (!MeetsMinimums(leg, t, (PositionSide)side, quantity, price))
        {
            return;
        }

        var notional = quantity * price;
        var margin = notional / leg.Leverage;
        var fee = notional * _fee;
        if (margin + fee > _cash + (FundingSlack * Math.Max(1, Math.Abs(_cash))))
        {
            Reject(leg, t, (PositionSide)side, quantity, price, RejectReason.InsufficientFunds);
            return;
        }

        _cash -= margin + fee;
        _feesPaid += fee;
        leg.Fees += fee;
        if (leg.Side == 0)
        {
            leg.Side = side;
            leg.Quantity = quantity;
            leg.EntryPrice = price;
            leg.Margin = margin;
            leg.EntryFees = fee;
            leg.FundingAccrued = 0;
            leg.EntryTime = t;
            leg.EntryBar = leg.Bar;
            leg.Extreme = price;
            _openPositions++;
        }
        else
        {
            var total = leg.Quantity + quantity;
            leg.EntryPrice = ((leg.Quantity * leg.EntryPrice) + (quantity * price)) / total;
            leg.Quantity = total;
            leg.Margin += margin;
            leg.EntryFees += fee;
        }

        var s = leg.Side;
        var entry = leg.EntryPrice;
        leg.StopPrice = double.IsNaN(leg.PendingStopPct) ? double.NaN : entry * (1 - (s * leg.PendingStopPct / 100));
        leg.TakeProfitPrice = double.IsNaN(leg.PendingTakePct) ? double.NaN : entry * (1 + (s * leg.PendingTakePct / 100));
        leg.TrailPct = leg.PendingTrailPct;
        UpdateLiquidationPrice(leg);
    }

    private bool MeetsMinimums(LegState leg, long t, PositionSide side, double quantity, double price)
    {
        if (quantity < leg.MinQuantity)
        {
            Reject(leg, t, side, quantity, price, RejectReason.BelowMinQuantity);
            return false;
        }

        if (quantity * price < leg.MinNotional)
        {
            Reject(leg, t, side, quantity, price, RejectReason.BelowMinNotional);
            return false;
        }

        return true;
    }

    /// <summary>Closes <paramref name="quantity"/> of the position at <paramref name="price"/> (slippage already applied) and records the trade.</summary>
    private void ClosePart(LegState leg, double quantity, double price, ExitReason reason, long t)
    {
        var full = quantity >= leg.Quantity * (1 - 1e-12);
        var fraction = full ? 1 : quantity / leg.Quantity;
        if (full)
        {
            quantity = leg.Quantity;
        }

        var entryFees = leg.EntryFees * fraction;
        var funding = leg.FundingAccrued * fraction;
        var margin = leg.Margin * fraction;
        var gross = leg.Side * quantity * (price - leg.EntryPrice);
        var exitFee = quantity * price * _fee;
        _cash += margin + gross - exitFee;
        _feesPaid += exitFee;
        leg.Fees += exitFee;
        var pnl = gross - entryFees - exitFee - funding;
        AddTrade(leg, quantity, price, pnl, entryFees + exitFee, funding, reason, t);
        if (full)
        {
            leg.ResetPosition();
            _openPositions--;
        }
        else
        {
            leg.Quantity -= quantity;
            leg.Margin -= margin;
            leg.EntryFees -= entryFees;
            leg.FundingAccrued -= funding;
            UpdateLiquidationPrice(leg);
        }
    }

    /// <summary>
    /// Isolated-margin liquidation: the position closes at its liquidation price (even through a gap: the venue's
    /// insurance fund absorbs losses beyond the margin), and what is left of the margin is the venue's clearance fee.
    /// </summary>
    private void Liquidate(LegState leg, long t)
    {
        var price = leg.LiquidationPrice;
        var quantity = leg.Quantity;
        var gross = leg.Side * quantity * (price - leg.EntryPrice);
        var clearance = leg.Margin + gross;
        if (clearance < 0)
        {
            gross = -leg.Margin;
            clearance = 0;
        }

        _feesPaid += clearance;
        leg.Fees += clearance;
        leg.Liquidations++;
        _liquidations.Add(new LiquidationEvent(t, leg.Ticker, leg.PositionSide, quantity, leg.EntryPrice, price, leg.Margin));
        var pnl = gross - leg.EntryFees - clearance - leg.FundingAccrued;
        AddTrade(leg, quantity, price, pnl, leg.EntryFees + clearance, leg.FundingAccrued, ExitReason.Liquidation, t);
        leg.ResetPosition();
        _openPositions--;
    }

    private void AddTrade(LegState leg, double quantity, double price, double pnl, double fees, double funding, ExitReason reason, long t)
    {
        var basis = quantity * leg.EntryPrice / leg.Leverage;
        var pnlPct = basis > 0 ? pnl / basis * 100 : double.NaN;
        _trades.Add(new BacktestTrade(
            leg.Ticker, leg.PositionSide, leg.EntryTime, leg.EntryPrice, t, price, quantity, pnl, pnlPct, fees, funding, reason, leg.EntryBar, leg.Bar));
        leg.Trades++;
        leg.Pnl += pnl;
        if (pnl > 0)
        {
            leg.Wins++;
        }
    }

    private void UpdateLiquidationPrice(LegState leg)
    {
        if (!leg.IsPerpetual || leg.Side == 0)
        {
            leg.LiquidationPrice = double.NaN;
            return;
        }

        // Isolated margin: liquidation when margin + unrealised PnL falls to the maintenance margin,
        // M + s*Q*(P - E) = mmr*Q*P, solved for P.
        var q = leg.Quantity;
        var notional = q * leg.EntryPrice;
        var price = leg.Side > 0
            ? (notional - leg.Margin) / (q * (1 - _maintenance))
            : (notional + leg.Margin) / (q * (1 + _maintenance));
        leg.LiquidationPrice = price > 0 ? price : double.NaN;
    }

    private void SettleFunding(LegState leg, long t)
    {
        var end = _barMilliseconds > 0 ? t + _barMilliseconds : _timeframe.Next(t);
        var funding = leg.Funding;
        var changed = false;
        while (leg.FundingCursor < funding.Length && funding[leg.FundingCursor].Time < end)
        {
            if (leg.Side != 0)
            {
                // Positive rates move money from longs to shorts, on the position's value at the bar's open.
                var amount = leg.Side * leg.Quantity * leg.Open[leg.Bar] * funding[leg.FundingCursor].Rate;
                leg.Margin -= amount;
                leg.FundingAccrued += amount;
                leg.FundingPaid += amount;
                _fundingPaid += amount;
                changed = true;
            }

            leg.FundingCursor++;
        }

        if (changed)
        {
            UpdateLiquidationPrice(leg);
        }
    }

    /// <summary>The stop or trailing stop nearest the price (the one a move against the position meets first).</summary>
    private static double AdverseStop(LegState leg, out ExitReason reason)
    {
        var stop = leg.StopPrice;
        reason = ExitReason.StopLoss;
        if (double.IsNaN(leg.TrailPct))
        {
            return stop;
        }

        var trail = leg.Extreme * (1 - (leg.Side * leg.TrailPct / 100));
        if (double.IsNaN(stop) || (leg.Side > 0 ? trail > stop : trail < stop))
        {
            reason = ExitReason.TrailingStop;
            return trail;
        }

        return stop;
    }

    /// <summary>A position held into this bar whose levels the open already passed fills at the open.</summary>
    private void CheckOpen(LegState leg, long t)
    {
        var open = leg.Open[leg.Bar];
        var stop = AdverseStop(leg, out var reason);
        if (leg.Side > 0)
        {
            if (open <= leg.LiquidationPrice)
            {
                Liquidate(leg, t);
            }
            else if (open <= stop)
            {
                ClosePart(leg, leg.Quantity, open * (1 - _slippage), reason, t);
            }
            else if (open >= leg.TakeProfitPrice)
            {
                ClosePart(leg, leg.Quantity, open, ExitReason.TakeProfit, t);
            }
        }
        else if (open >= leg.LiquidationPrice)
        {
            Liquidate(leg, t);
        }
        else if (open >= stop)
        {
            ClosePart(leg, leg.Quantity, open * (1 + _slippage), reason, t);
        }
        else if (open <= leg.TakeProfitPrice)
        {
            ClosePart(leg, leg.Quantity, open, ExitReason.TakeProfit, t);
        }
    }

    /// <summary>
    /// Levels hit inside the bar, from OHLC alone: the adverse level nearest the open (stop, trailing stop or
    /// liquidation) first, so when a stop and a take-profit both lie in the bar's range the stop wins.
    /// </summary>
    private void CheckIntrabar(LegState leg, long t)
    {
        var bar = leg.Bar;
        var open = leg.Open[bar];
        var stop = AdverseStop(leg, out var reason);
        var liquidation = leg.LiquidationPrice;
        if (leg.Side > 0)
        {
            var low = leg.Low[bar];
            if (!double.IsNaN(liquidation) && (double.IsNaN(stop) || liquidation > stop))
            {
                if (low <= liquidation)
                {
                    Liquidate(leg, t);
                    return;
                }
            }
            else if (low <= stop)
            {
                ClosePart(leg, leg.Quantity, Math.Min(stop, open) * (1 - _slippage), reason, t);
                return;
            }

            var take = leg.TakeProfitPrice;
            if (leg.High[bar] >= take)
            {
                ClosePart(leg, leg.Quantity, Math.Max(take, open), ExitReason.TakeProfit, t);
            }
        }
        else
        {
            var high = leg.High[bar];
            if (!double.IsNaN(liquidation) && (double.IsNaN(stop) || liquidation < stop))
            {
                if (high >= liquidation)
                {
                    Liquidate(leg, t);
                    return;
                }
            }
            else if (high >= stop)
            {
                ClosePart(leg, leg.Quantity, Math.Max(stop, open) * (1 + _slippage), reason, t);
                return;
            }

            var take = leg.TakeProfitPrice;
            if (leg.Low[bar] <= take)
            {
                ClosePart(leg, leg.Quantity, Math.Min(take, open), ExitReason.TakeProfit, t);
            }
        }
    }

    private void Record(int step, long t, bool exposed)
    {
        var equity = _cash;
        var gross = 0.0;
        foreach (var leg in _legs)
        {
            if (leg.Side != 0)
            {
                equity += leg.Value(leg.LastPrice);
                gross += leg.Quantity * leg.LastPrice;
            }
        }

        if (equity <= 0 && !_bankrupt && _openPositions > 0)
        {
            // The account is wiped out: close everything at the close and stop trading, as a broker would.
            _bankrupt = true;
            foreach (var leg in _legs)
            {
                if (leg.Side != 0)
                {
                    ClosePart(leg, leg.Quantity, leg.LastPrice, ExitReason.Bankruptcy, LegTime(leg, t));
                }

                if (leg.HasPending)
                {
                    leg.ClearPending();
                }
            }

            _pendingCount = 0;
            equity = _cash;
            gross = 0;
        }

        _equity[step] = equity;
        _cashColumn[step] = _cash;
        _exposure[step] = gross;
        _exposed[step] = exposed;
        foreach (var leg in _legs)
        {
            if (leg.Active)
            {
                leg.Cursor++;
            }
        }
    }

    private static long LegTime(LegState leg, long fallback) => leg.Bar >= leg.Start && leg.Bar < leg.End ? leg.Time[leg.Bar] : fallback;

    private void Finish()
    {
        foreach (var leg in _legs)
        {
            if (leg.HasPending)
            {
                _unfilled++;
            }
        }

        if (_timeline.Length == 0)
        {
            return;
        }

        var last = _timeline.Length - 1;
        if (_endOfData == EndOfDataPolicy.CloseAtLastClose)
        {
            if (_openPositions == 0)
            {
                return;
            }

            foreach (var leg in _legs)
            {
                if (leg.Side != 0)
                {
                    ClosePart(leg, leg.Quantity, leg.LastPrice * (1 - (leg.Side * _slippage)), ExitReason.EndOfData, leg.Time[leg.Bar]);
                }
            }

            _equity[last] = _cash;
            _cashColumn[last] = _cash;
            _exposure[last] = 0;
            return;
        }

        foreach (var leg in _legs)
        {
            if (leg.Side != 0)
            {
                _openAtEnd.Add(new OpenPosition(
                    leg.Ticker,
                    leg.PositionSide,
                    leg.EntryTime,
                    leg.EntryPrice,
                    leg.Quantity,
                    leg.LastPrice,
                    leg.Value(leg.LastPrice) - leg.Margin,
                    leg.EntryFees,
                    leg.FundingAccrued,
                    leg.LiquidationPrice));
            }
        }
    }

    private void Reject(LegState leg, long t, PositionSide side, double quantity, double price, RejectReason reason)
    {
        leg.Rejected++;
        _rejections.Add(new RejectedOrder(t, leg.Ticker, side, quantity, price, reason));
    }

    private static double FloorLot(double quantity, double lot)
    {
        if (!(quantity > 0))
        {
            return 0;
        }

        // The small nudge keeps 2.9999999999 lots (binary rounding of 0.003 / 0.001) at 3.
        return lot > 0 ? Math.Floor((quantity / lot) + 1e-9) * lot : quantity;
    }
}
