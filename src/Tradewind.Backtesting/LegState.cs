using Tradewind.Core;
using Tradewind.Signals.Intents;
using Tradewind.Signals.Runtime;

namespace Tradewind.Backtesting;

/// <summary>
/// The mutable state of one ticker inside a simulation: its data window, position, pending order and tallies.
/// Plain fields, because the bar loop reads and writes them on every bar.
/// </summary>
internal sealed class LegState
{
    public LegState(int index, BacktestLeg leg, int start, int end, double lotStep, double leverage, double initialCash, bool startAtFirstTradableBar)
    {
        Index = index;
        Ticker = leg.Ticker;
        var candles = leg.Candles;
        Time = candles.Time;
        Open = candles.Open;
        High = candles.High;
        Low = candles.Low;
        Close = candles.Close;
        Start = start;
        End = end;
        Program = leg.Program;
        FirstEvalBar = Program is null ? int.MaxValue : Math.Max(start, startAtFirstTradableBar ? Program.FirstTradableBar : 0);
        IsPerpetual = leg.Spec.ContractType == MarketType.Perpetual;
        Funding = IsPerpetual && leg.Funding is { Count: > 0 } f ? [.. f] : [];
        LotStep = lotStep;
        MinQuantity = (double)leg.Spec.MinQuantity;
        MinNotional = (double)leg.Spec.MinNotional;
        Leverage = IsPerpetual ? leverage : 1;
        InitialCash = initialCash;
        Cursor = start;
        Bar = start;
        LastPrice = double.NaN;
        ResetPosition();
        ClearPending();

        // Funding settled before the first bar of the window belongs to no position of this run.
        var first = start < end ? Time[start] : long.MaxValue;
        while (FundingCursor < Funding.Length && Funding[FundingCursor].Time < first)
        {
            FundingCursor++;
        }
    }

    public int Index { get; }

    public Ticker Ticker { get; }

    public long[] Time { get; }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    /// <summary>First bar of the window (inclusive).</summary>
    public int Start { get; }

    /// <summary>End of the window (exclusive).</summary>
    public int End { get; }

    public ISignalProgram? Program { get; }

    public int FirstEvalBar { get; }

    public FundingRate[] Funding { get; }

    public bool IsPerpetual { get; }

    public double LotStep { get; }

    public double MinQuantity { get; }

    public double MinNotional { get; }

    public double Leverage { get; }

    public double InitialCash { get; }

    // Cursor over the window.
    public int Cursor;
    public int Bar;
    public bool Active;
    public double LastPrice;
    public int FundingCursor;

    // Position: Side is +1 long, -1 short, 0 flat; Quantity is unsigned.
    public int Side;
    public double Quantity;
    public double EntryPrice;
    public double Margin;
    public double EntryFees;
    public double FundingAccrued;
    public long EntryTime;
    public int EntryBar;
    public double StopPrice;
    public double TakeProfitPrice;
    public double TrailPct;
    public double Extreme;
    public double LiquidationPrice;

    // The order pending for the next fill: the last entry of the bar (if any) scaled by the exits after it.
    public bool HasPending;
    public bool PendingEntry;
    public int PendingSide;
    public OrderSize PendingSize;
    public double PendingStopPct;
    public double PendingTakePct;
    public double PendingTrailPct;
    public double PendingKeep;
    public long PendingTime;

    // Target computed at the fill, signed; valid while a fill is in progress.
    public double Target;
    public ExitReason ReduceReason;

    // Tallies for the per-ticker summary.
    public int Trades;
    public int Wins;
    public int Rejected;
    public int Liquidations;
    public double Pnl;
    public double Fees;
    public double FundingPaid;

    public PositionSide PositionSide => (PositionSide)Side;

    public double SignedQuantity => Side * Quantity;

    /// <summary>What the position is worth to the account at <paramref name="price"/>: margin plus unrealised PnL.</summary>
    public double Value(double price) => Side == 0 ? 0 : Margin + (Side * Quantity * (price - EntryPrice));

    public void ResetPosition()
    {
        Side = 0;
        Quantity = 0;
        EntryPrice = double.NaN;
        Margin = 0;
        EntryFees = 0;
        FundingAccrued = 0;
        EntryTime = 0;
        EntryBar = -1;
        StopPrice = double.NaN;
        TakeProfitPrice = double.NaN;
        TrailPct = double.NaN;
        Extreme = double.NaN;
        LiquidationPrice = double.NaN;
    }

    public void ClearPending()
    {
        HasPending = false;
        PendingEntry = false;
        PendingSide = 0;
        PendingSize = default;
        PendingStopPct = double.NaN;
        PendingTakePct = double.NaN;
        PendingTrailPct = double.NaN;
        PendingKeep = 1;
        PendingTime = 0;
    }
}
