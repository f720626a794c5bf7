using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Tradewind.Core;
using Tradewind.Signals.Binding;
using Tradewind.Signals.Runtime;

namespace Tradewind.Signals.Compilation;

/// <summary>
/// The columns of one run of a plan. Intermediate columns come from <see cref="ArrayPool{T}"/> and go back as soon
/// as their last reader has run, so a long plan over a million bars holds only the columns it still needs.
/// Pinned columns (read bar by bar afterwards) are plain arrays owned by the program.
/// </summary>
internal sealed class ExecutionFrame : IDisposable
{
    private readonly ExecutionPlan _plan;
    private readonly ResolvedContext[] _contexts;
    private readonly double[]?[] _columns;
    private readonly ulong[]?[] _bits;
    private readonly bool[] _rented;
    private readonly bool _rentPinned;
    private readonly Dictionary<(int From, int To), int[]> _maps = [];

    public ExecutionFrame(ExecutionPlan plan, ResolvedContext[] contexts, bool rentPinned)
    {
        _plan = plan;
        _contexts = contexts;
        _rentPinned = rentPinned;
        _columns = new double[]?[plan.Slots.Length];
        _bits = new ulong[]?[plan.Slots.Length];
        _rented = new bool[plan.Slots.Length];
        for (var s = 0; s < plan.Slots.Length; s++)
        {
            var slot = plan.Slots[s];
            if (slot.Role == SlotRole.DataAlias)
            {
                var candles = contexts[slot.Context].Candles;
                _columns[s] = slot.Field switch
                {
                    DataField.Open => candles.Open,
                    DataField.High => candles.High,
                    DataField.Low => candles.Low,
                    DataField.Volume => candles.Volume,
                    _ => candles.Close,
                };
            }
        }
    }

    /// <summary>Kernel steps run so far (fills and aliases excluded): the measure of common-subexpression sharing.</summary>
    public int KernelInvocations { get; private set; }

    public ResolvedContext Context(int context) => _contexts[context];

    public int Length(int slot) => _contexts[_plan.Slots[slot].Context].Count;

    public ReadOnlySpan<double> Input(int slot) =>
        _columns[slot] is { } column
            ? column.AsSpan(0, Length(slot))
            : throw new InvalidOperationException($"Column s{slot} is read before it is written.");

    public Span<double> Output(int slot)
    {
        var n = Length(slot);
        var column = _columns[slot];
        if (column is null)
        {
            if (_plan.Pinned[slot] && !_plan.Packed[slot] && !_rentPinned)
            {
                column = GC.AllocateUninitializedArray<double>(n);
            }
            else
            {
                column = ArrayPool<double>.Shared.Rent(Math.Max(n, 1));
                _rented[slot] = true;
            }

            _columns[slot] = column;
        }

        return column.AsSpan(0, n);
    }

    public Span<ulong> OutputBits(int slot)
    {
        var words = Kernels.BitKernels.Words(Length(slot));
        var bits = _bits[slot];
        if (bits is null)
        {
            if (_plan.Pinned[slot] && !_rentPinned)
            {
                bits = new ulong[words];
            }
            else
            {
                bits = ArrayPool<ulong>.Shared.Rent(Math.Max(words, 1));
                _rented[slot] = true;
            }

            _bits[slot] = bits;
        }

        return bits.AsSpan(0, words);
    }

    public ReadOnlySpan<ulong> InputBits(int slot) =>
        _bits[slot] is { } bits
            ? bits.AsSpan(0, Kernels.BitKernels.Words(Length(slot)))
            : throw new InvalidOperationException($"Bit column b{slot} is read before it is written.");

    /// <summary>A bitset slot's words (pinned bitsets outlive the frame).</summary>
    public ulong[] Bits(int slot) => _bits[slot] ?? throw new InvalidOperationException($"Bit column b{slot} was never written.");

    /// <summary>A boolean column as one bit per bar (bit <c>i % 64</c> of word <c>i / 64</c>).</summary>
    public ulong[] Pack(int slot)
    {
        var column = Input(slot);
        var bits = new ulong[(column.Length + 63) >> 6];
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Four bars per compare: the sign bits of the "!= 0" mask are the four flags.
            ref var r = ref MemoryMarshal.GetReference(column);
            for (; i + Vector256<double>.Count <= column.Length; i += Vector256<double>.Count)
            {
                var set = ~Vector256.Equals(Vector256.LoadUnsafe(ref r, (nuint)i), Vector256<double>.Zero);
                bits[i >> 6] |= (ulong)set.ExtractMostSignificantBits() << (i & 63);
            }
        }

        for (; i < column.Length; i++)
        {
            if (column[i] != 0)
            {
                bits[i >> 6] |= 1UL << i;
            }
        }

        return bits;
    }

    /// <summary>The whole column of a slot (pinned columns outlive the frame).</summary>
    public double[] Column(int slot) => _columns[slot] ?? throw new InvalidOperationException($"Column s{slot} was never written.");

    /// <summary>Runs every step, checking cancellation and the deadline between steps.</summary>
    public void Run(Action<int>? onStep, long deadlineTimestamp, TimeProvider clock, TimeSpan budget, CancellationToken cancellationToken)
    {
        var steps = _plan.Steps;
        for (var s = 0; s < steps.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (clock.GetTimestamp() > deadlineTimestamp)
            {
                throw new TradewindException(
                    ErrorCode.ValidationError,
                    string.Create(CultureInfo.InvariantCulture, $"Evaluating the script took longer than its time budget of {budget.TotalSeconds:0.###} s."),
                    "Shorten the data range, use fewer tickers or simplify the script.")
                {
                    Details = new Dictionary<string, object?> { ["limit"] = "evaluation_time_budget", ["budget_ms"] = (long)budget.TotalMilliseconds },
                };
            }

            var step = steps[s];
            step.Execute(this);
            if (step.IsKernel)
            {
                KernelInvocations++;
            }

            onStep?.Invoke(s);
            foreach (var input in step.Inputs)
            {
                if (_plan.LastUse[input] == s && !_plan.Pinned[input])
                {
                    Release(input);
                }
            }

            // A column no step reads and nothing pins (an unused indicator output) can go at once.
            foreach (var output in step.Outputs)
            {
                if (_plan.LastUse[output] < 0 && !_plan.Pinned[output])
                {
                    Release(output);
                }
            }
        }
    }

    /// <summary>For each bar of <paramref name="to"/>, the last bar of <paramref name="from"/> closed by its close (-1: none).</summary>
    public int[] AlignmentMap(int from, int to)
    {
        if (_maps.TryGetValue((from, to), out var map))
        {
            return map;
        }

        var source = _contexts[from].CloseTimes;
        var target = _contexts[to].CloseTimes;
        map = new int[target.Length];
        var j = -1;
        for (var i = 0; i < target.Length; i++)
        {
            while (j + 1 < source.Length && source[j + 1] <= target[i])
            {
                j++;
            }

            map[i] = j;
        }

        _maps[(from, to)] = map;
        return map;
    }

    public string StringValue(BoundNode node, int context, bool asTicker)
    {
        var ctx = _contexts[Math.Max(context, 0)];
        var text = node switch
        {
            StringNode s => s.Value,
            ContextStringNode { Field: ContextField.Ticker } => ctx.Ticker.ToString(),
            ContextStringNode { Field: ContextField.Exchange } => ctx.Ticker.Exchange.Id(),
            ContextStringNode { Field: ContextField.Timeframe } => ctx.Timeframe.Name,
            _ => throw new InvalidOperationException($"{node.GetType().Name} is not a string."),
        };
        return asTicker && Ticker.TryParse(text, ctx.Ticker.Exchange, out var ticker, out _) ? ticker.ToString() : text;
    }

    public void Dispose()
    {
        for (var s = 0; s < _columns.Length; s++)
        {
            Release(s);
        }
    }

    private void Release(int slot)
    {
        if (!_rented[slot])
        {
            return;
        }

        if (_columns[slot] is { } column)
        {
            ArrayPool<double>.Shared.Return(column);
            _columns[slot] = null;
        }

        if (_bits[slot] is { } bits)
        {
            ArrayPool<ulong>.Shared.Return(bits);
            _bits[slot] = null;
        }

        _rented[slot] = false;
    }
}
