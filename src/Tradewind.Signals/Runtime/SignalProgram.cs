using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Tradewind.Core;
using Tradewind.Signals.Binding;
using Tradewind.Signals.Compilation;
using Tradewind.Signals.Compilation.Kernels;
using Tradewind.Signals.Intents;

namespace Tradewind.Signals.Runtime;

/// <summary>
/// A compiled script prepared over one ticker's data. Everything that does not read position state was computed up
/// front as whole columns; <see cref="EvaluateBar"/> only reads those columns at the bar and runs the few bar-by-bar
/// instructions that read the portfolio. One instance serves one run (it keeps the current bar's registers).
/// </summary>
public sealed class SignalProgram : ISignalProgram
{
    private readonly ExecutionPlan _plan;
    private readonly long[] _time;
    private readonly double[]?[] _columns;
    private readonly double[] _registers;
    private readonly Emit[] _emits;
    private readonly Ticker _ticker;

    // When every emit condition is a bitset: their union, so a bar where nothing fires costs one bit test.
    private readonly ulong[]? _anyFires;

    internal SignalProgram(ExecutionPlan plan, ResolvedContext context, double[]?[] columns, ulong[]?[] bits, int firstTradableBar, int kernelInvocations)
    {
        _plan = plan;
        _time = context.Candles.Time;
        _columns = columns;
        _registers = new double[plan.RegisterCount];
        _ticker = context.Ticker;
        Ticker = context.Ticker;
        Timeframe = context.Timeframe;
        FirstTradableBar = firstTradableBar;
        KernelInvocations = kernelInvocations;
        _emits = new Emit[plan.Emits.Length];
        for (var i = 0; i < _emits.Length; i++)
        {
            var e = plan.Emits[i];
            var ticker = e.Intent.TickerText is { } text ? ResolveTicker(text, context.Ticker) : (Ticker?)null;
            var constant = e.Intent.IsConstant ? BuildIntent(e.Intent, ticker, -1) : null;
            var condition = e.Condition;
            _emits[i] = new Emit(
                e,
                ticker,
                constant,
                condition.Kind == OperandKind.Column ? bits[condition.Index] : null,
                condition.Kind == OperandKind.Column ? columns[condition.Index] : null);
        }

        if (_emits.Length > 0 && plan.Scalar.Length == 0 && Array.TrueForAll(_emits, e => e.Bits is not null))
        {
            _anyFires = new ulong[_emits[0].Bits!.Length];
            foreach (var e in _emits)
            {
                for (var w = 0; w < _anyFires.Length; w++)
                {
                    _anyFires[w] |= e.Bits![w];
                }
            }
        }
    }

    public Ticker Ticker { get; }

    public Timeframe Timeframe { get; }

    public int BarCount => _time.Length;

    public ReadOnlySpan<long> Time => _time;

    public int FirstTradableBar { get; }

    public bool ReadsPortfolio => _plan.ReadsPortfolio;

    /// <summary>Vector kernels run to prepare this program: identical subexpressions count once.</summary>
    public int KernelInvocations { get; }

    public void EvaluateBar(int bar, IPortfolioView portfolio, List<EmittedSignal> sink)
    {
        if ((uint)bar >= (uint)_time.Length)
        {
            ThrowBarOutOfRange(bar);
        }

        // Nothing fires while an indicator the script uses is still warming up, even a condition such as
        // `not (x > 0)` that is true on na: the first tradable bar is where every input has a value.
        if (bar < FirstTradableBar || (_anyFires is { } any && ((any[bar >> 6] >> bar) & 1) == 0))
        {
            return;
        }

        if (_plan.Scalar.Length > 0)
        {
            RunScalar(bar, portfolio);
        }

        var emits = _emits;
        for (var i = 0; i < emits.Length; i++)
        {
            ref readonly var emit = ref emits[i];
            var fires = emit.Bits is { } bits
                ? ((bits[bar >> 6] >> bar) & 1) != 0
                : (emit.Column is { } column ? column[bar] : Read(emit.Plan.Condition, bar)) != 0;
            if (!fires)
            {
                continue;
            }

            var intent = emit.Constant ?? BuildIntent(emit.Plan.Intent, emit.Ticker, bar);
            if (intent is not null)
            {
                sink.Add(new EmittedSignal(bar, _time[bar], intent));
            }
        }
    }

    /// <summary>Runs every bar in order against <paramref name="portfolio"/> (a flat account when null) and returns all intents.</summary>
    public List<EmittedSignal> EvaluateAll(IPortfolioView? portfolio = null)
    {
        portfolio ??= FlatPortfolio.Instance;
        var sink = new List<EmittedSignal>();
        for (var bar = 0; bar < _time.Length; bar++)
        {
            EvaluateBar(bar, portfolio, sink);
        }

        return sink;
    }

    [DoesNotReturn]
    private void ThrowBarOutOfRange(int bar) =>
        throw new ArgumentOutOfRangeException(nameof(bar), bar, string.Create(CultureInfo.InvariantCulture, $"The program has bars 0 to {_time.Length - 1}."));

    private void RunScalar(int bar, IPortfolioView portfolio)
    {
        var position = default(PositionState);
        var havePosition = false;
        foreach (ref readonly var instruction in _plan.Scalar.AsSpan())
        {
            double value;
            switch (instruction.Kind)
            {
                case ScalarKind.Portfolio:
                    if (!havePosition && instruction.Field is not (PortfolioField.Equity or PortfolioField.Cash))
                    {
                        position = portfolio.Position(_ticker);
                        havePosition = true;
                    }

                    value = instruction.Field switch
                    {
                        PortfolioField.PositionSize => position.Side == PositionSide.Flat ? 0 : Math.Abs(position.Size) * (int)position.Side,
                        PortfolioField.PositionSide => (int)position.Side,
                        PortfolioField.EntryPrice => position.Side == PositionSide.Flat ? double.NaN : position.EntryPrice,
                        PortfolioField.BarsSinceEntry => position.Side == PositionSide.Flat || position.BarsSinceEntry < 0 ? double.NaN : position.BarsSinceEntry,
                        PortfolioField.UnrealizedPnlPct => position.Side == PositionSide.Flat ? 0 : position.UnrealizedPnlPct,
                        PortfolioField.Equity => portfolio.Equity,
                        _ => portfolio.Cash,
                    };
                    break;
                case ScalarKind.Unary:
                    value = ScalarMath.Unary(instruction.UnaryOp, Read(instruction.A, bar), instruction.Parameter);
                    break;
                case ScalarKind.Binary:
                    value = ScalarMath.Binary(instruction.BinaryOp, Read(instruction.A, bar), Read(instruction.B, bar));
                    break;
                default:
                    value = Read(instruction.A, bar) != 0 ? Read(instruction.B, bar) : Read(instruction.C, bar);
                    break;
            }

            _registers[instruction.Register] = value;
        }
    }

    private double Read(in Operand operand, int bar) => operand.Kind switch
    {
        OperandKind.Constant => operand.Value,
        OperandKind.Column => _columns[operand.Index]![bar],
        _ => _registers[operand.Index],
    };

    private double? ReadOptional(Operand? operand, int bar) => operand is { } o ? Read(o, bar) : null;

    /// <summary>Builds the intent of a firing bar (or, with bar -1, a constant intent once). Null when a value is na.</summary>
    private SignalIntent? BuildIntent(IntentPlan plan, Ticker? ticker, int bar)
    {
        if (plan.Kind == IntentKind.Exit)
        {
            var fraction = ReadOptional(plan.Fraction, bar) ?? 1.0;
            if (double.IsNaN(fraction))
            {
                return null;
            }

            Check(fraction > 0 && fraction <= 1, plan, bar, "exit's fraction", fraction, "above 0 and at most 1");
            return SignalIntent.Exit(ticker, fraction);
        }

        var size = Read(plan.Size!.Value, bar);
        var stop = ReadOptional(plan.StopLoss, bar);
        var take = ReadOptional(plan.TakeProfit, bar);
        var trail = ReadOptional(plan.TrailingStop, bar);
        if (double.IsNaN(size) || stop is double.NaN || take is double.NaN || trail is double.NaN)
        {
            return null;
        }

        var sizeName = plan.SizeKind.ToString();
        Check(
            plan.SizeKind == SizeKind.Weight ? size > 0 && size <= 1 : size > 0 && double.IsFinite(size),
            plan,
            bar,
            sizeName,
            size,
            plan.SizeKind == SizeKind.Weight ? "above 0 and at most 1" : "above 0");
        if (stop is { } s)
        {
            Check(s > 0 && s < 100, plan, bar, "stop_loss", s, "a percentage above 0 and below 100");
        }

        if (take is { } t)
        {
            Check(t > 0 && double.IsFinite(t), plan, bar, "take_profit", t, "a percentage above 0");
        }

        if (trail is { } r)
        {
            Check(r > 0 && r < 100, plan, bar, "trailing_stop", r, "a percentage above 0 and below 100");
        }

        var orderSize = plan.SizeKind switch
        {
            SizeKind.Quantity => OrderSize.Quantity(size),
            SizeKind.Notional => OrderSize.Notional(size),
            _ => OrderSize.Weight(size),
        };
        return SignalIntent.Entry(ticker, plan.Side, orderSize, stop, take, trail);
    }

    private void Check(bool valid, IntentPlan plan, int bar, string what, double value, string expected)
    {
        if (valid)
        {
            return;
        }

        var when = bar >= 0 ? string.Create(CultureInfo.InvariantCulture, $" at bar {bar} ({TimeFormat.ToIso(_time[bar])})") : string.Empty;
        ThrowHelper.Throw(
            ErrorCode.ValidationError,
            string.Create(CultureInfo.InvariantCulture, $"{what} = {value} on line {plan.Span.Line}{when} must be {expected}."),
            "Clamp the value, e.g. clamp(x, 0.01, 1) for a weight, or guard the emit condition.");
    }

    private static Ticker ResolveTicker(string text, Ticker script)
    {
        var hasExchange = text.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
            && (text.IndexOf('/', StringComparison.Ordinal) is var slash && (slash < 0 || colon < slash));
        return Core.Ticker.Parse(text, hasExchange ? null : script.Exchange);
    }

    /// <summary>An emit with its condition located once: a bitset, a column, or (constant/register) via the plan.</summary>
    private readonly record struct Emit(EmitPlan Plan, Ticker? Ticker, SignalIntent? Constant, ulong[]? Bits, double[]? Column);

    private sealed class FlatPortfolio : IPortfolioView
    {
        public static readonly FlatPortfolio Instance = new();

        public double Equity => double.NaN;

        public double Cash => double.NaN;

        public PositionState Position(Ticker ticker) => PositionState.Flat;
    }
}
