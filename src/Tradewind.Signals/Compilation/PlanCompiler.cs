using Tradewind.Signals.Binding;

namespace Tradewind.Signals.Compilation;

/// <summary>
/// Turns a bound graph into an <see cref="ExecutionPlan"/>. Only nodes that reach an emit or the result are planned
/// (an unused assignment costs nothing). Each node becomes at most one step; hash-consing already merged duplicates.
/// </summary>
internal static class PlanCompiler
{
    public static ExecutionPlan Compile(BoundScript script)
    {
        var nodes = script.Nodes;
        var reachable = new bool[nodes.Count];
        void Mark(BoundNode? n)
        {
            if (n is not null && n.Id >= 0)
            {
                reachable[n.Id] = true;
            }
        }

        foreach (var emit in script.Emits)
        {
            Mark(emit.Condition);
            var i = emit.Intent;
            Mark(i.Size);
            Mark(i.StopLoss);
            Mark(i.TakeProfit);
            Mark(i.TrailingStop);
            Mark(i.Fraction);
        }

        Mark(script.Result);

        // Children have smaller ids, so one pass from the top marks everything reachable.
        for (var id = nodes.Count - 1; id >= 0; id--)
        {
            if (reachable[id])
            {
                foreach (var child in nodes[id].Children)
                {
                    Mark(child);
                }
            }
        }

        var builder = new Builder(script, BitEligibility(script, reachable));
        for (var id = 0; id < nodes.Count; id++)
        {
            if (reachable[id])
            {
                builder.Add(nodes[id]);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// Booleans that can live as bitsets: comparisons, crosses, isna, and/or/not whose every reader is and/or/not or an
    /// emit condition. Anything else reading a boolean (a conditional, an index, tf/ref, a helper, a result, an intent
    /// value, the bar-by-bar program) needs doubles, which disqualifies it, and that can in turn disqualify an and/or/not
    /// whose operands must be bitsets; repeat until nothing changes.
    /// </summary>
    private static bool[] BitEligibility(BoundScript script, bool[] reachable)
    {
        var nodes = script.Nodes;
        var bits = new bool[nodes.Count];
        for (var id = 0; id < nodes.Count; id++)
        {
            bits[id] = reachable[id] && !nodes[id].ReadsPortfolio && Producible(nodes[id]);
        }

        void Deny(BoundNode? node)
        {
            if (node is { Id: >= 0 })
            {
                bits[node.Id] = false;
            }
        }

        foreach (var e in script.Emits)
        {
            Deny(e.Intent.Size);
            Deny(e.Intent.StopLoss);
            Deny(e.Intent.TakeProfit);
            Deny(e.Intent.TrailingStop);
            Deny(e.Intent.Fraction);
        }

        Deny(script.Result);
        bool changed;
        do
        {
            changed = false;
            for (var id = nodes.Count - 1; id >= 0; id--)
            {
                if (!reachable[id])
                {
                    continue;
                }

                var node = nodes[id];
                var readsBits = bits[id] && node is BinaryNode { Op: BinaryOp.And or BinaryOp.Or } or UnaryNode { Op: UnaryOp.Not };
                foreach (var child in node.Children)
                {
                    if (child.Id >= 0 && bits[child.Id] && !readsBits)
                    {
                        bits[child.Id] = false;
                        changed = true;
                    }
                }

                if (readsBits)
                {
                    foreach (var child in node.Children)
                    {
                        if (child.Id < 0 || !bits[child.Id])
                        {
                            bits[id] = false;
                            changed = true;
                            break;
                        }
                    }
                }
            }
        }
        while (changed);

        return bits;
    }

    private static bool Producible(BoundNode node) => node switch
    {
        BinaryNode { Op: BinaryOp.Less or BinaryOp.LessEqual or BinaryOp.Greater or BinaryOp.GreaterEqual or BinaryOp.Equal or BinaryOp.NotEqual } b =>
            b.Left.Kind == ValueKind.Number && b.Right.Kind == ValueKind.Number,
        BinaryNode { Op: BinaryOp.And or BinaryOp.Or } b => b.Left is not ConstantNode && b.Right is not ConstantNode,
        UnaryNode { Op: UnaryOp.Not } u => u.Operand is not ConstantNode,
        UnaryNode { Op: UnaryOp.IsNa } => true,
        WindowNode { Window: WindowKind.Crossover or WindowKind.Crossunder or WindowKind.Cross } => true,
        _ => false,
    };

    private sealed class Builder(BoundScript script, bool[] bits)
    {
        private readonly List<PlanStep> _steps = [];
        private readonly List<SlotInfo> _slots = [];
        private readonly Dictionary<int, int> _nodeSlot = [];
        private readonly Dictionary<int, int> _nodeRegister = [];
        private readonly Dictionary<(int Context, long Bits), int> _fills = [];
        private readonly Dictionary<int, int[]> _indicatorSlots = [];
        private readonly List<ScalarInstruction> _scalar = [];
        private readonly List<HistoryCheck> _history = [];
        private readonly Dictionary<int, List<TradableCheck>> _tradable = [];
        private readonly bool[] _needsFunding = new bool[script.Contexts.Count];

        public void Add(BoundNode node)
        {
            switch (node)
            {
                case ConstantNode or StringNode or ContextStringNode or ErrorNode:
                    return;
                case { ReadsPortfolio: true }:
                    AddScalar(node);
                    return;
            }

            if (node.NeedsHistory)
            {
                _history.Add(new HistoryCheck(node.Context, node.WarmUp + 1, node.Span));
            }

            var context = node.Context;
            if (bits[node.Id])
            {
                AddBitStep(node, context);
                return;
            }

            switch (node)
            {
                case DataNode data:
                    if (data.Field is DataField.Open or DataField.High or DataField.Low or DataField.Close or DataField.Volume)
                    {
                        _nodeSlot[node.Id] = NewSlot(context, SlotRole.DataAlias, data.Field);
                    }
                    else
                    {
                        if (data.Field == DataField.FundingRate)
                        {
                            _needsFunding[context] = true;
                        }

                        AddStep(node, new DataStep(data.Field, context, NewSlot(context)));
                    }

                    break;
                case UnaryNode unary:
                    AddStep(node, new UnaryStep(unary.Op, unary.Parameter, Column(unary.Operand, context), context, NewSlot(context)));
                    break;
                case BinaryNode binary:
                    AddStep(node, new BinaryStep(binary.Op, VectorOperand(binary.Left), VectorOperand(binary.Right), context, NewSlot(context)));
                    break;
                case ConditionalNode conditional:
                    AddStep(
                        node,
                        new SelectStep(
                            Column(conditional.Condition, context),
                            VectorOperand(conditional.WhenTrue),
                            VectorOperand(conditional.WhenFalse),
                            context,
                            NewSlot(context)));
                    break;
                case ShiftNode shift:
                    AddStep(node, new ShiftStep(Column(shift.Operand, context), shift.Bars, Fill(node), context, NewSlot(context)));
                    Track(node, _nodeSlot[node.Id]);
                    break;
                case IndicatorNode indicator:
                    {
                        var inputs = indicator.Inputs.Select(i => Column(i, context)).ToArray();
                        var outputs = indicator.Definition.Outputs.Select(_ => NewSlot(context)).ToArray();
                        _indicatorSlots[node.Id] = outputs;
                        _steps.Add(new IndicatorStep(indicator.Definition, indicator.Parameters, inputs, outputs, context));
                        foreach (var o in outputs)
                        {
                            Track(node, o);
                        }

                        break;
                    }

                case OutputNode output:
                    _nodeSlot[node.Id] = _indicatorSlots[output.Indicator.Id][output.Index];
                    break;
                case WindowNode window:
                    AddStep(
                        node,
                        new WindowStep(window.Window, window.Arguments.Select(a => Column(a, context)).ToArray(), window.Length, context, NewSlot(context)));

                    // barssince/valuewhen are na until their condition first holds: that is data, not warm-up.
                    if (window.NeedsHistory)
                    {
                        Track(node, _nodeSlot[node.Id]);
                    }

                    break;
                case AlignNode align:
                    AddStep(node, new AlignStep(Column(align.Operand, align.From), align.From, Fill(node), context, NewSlot(context)));
                    Track(node, _nodeSlot[node.Id]);
                    break;
                case StringCompareNode compare:
                    AddStep(node, new StringCompareStep(compare.Left, compare.Right, compare.Equal, context, NewSlot(context)));
                    break;
                default:
                    throw new InvalidOperationException($"No plan for node {node.GetType().Name}.");
            }
        }

        private void AddBitStep(BoundNode node, int context)
        {
            var output = NewSlot(context, bits: true);
            PlanStep step = node switch
            {
                BinaryNode { Op: BinaryOp.And or BinaryOp.Or } b => new BitLogicStep(b.Op, _nodeSlot[b.Left.Id], _nodeSlot[b.Right.Id], context, output),
                BinaryNode b => new BitCompareStep(b.Op, VectorOperand(b.Left), VectorOperand(b.Right), context, output),
                UnaryNode u => new BitUnaryStep(u.Op, _nodeSlot[u.Operand.Id], context, output),
                WindowNode w => new BitCrossStep(w.Window, Column(w.Arguments[0], context), Column(w.Arguments[1], context), context, output),
                _ => throw new InvalidOperationException($"{node.GetType().Name} has no bitset form."),
            };
            AddStep(node, step);
            if (node is WindowNode)
            {
                Track(node, output);
            }
        }

        public ExecutionPlan Build()
        {
            var emits = script.Emits.Select(e => new EmitPlan(
                Operand(e.Condition),
                new IntentPlan(
                    e.Intent.Kind,
                    e.Intent.TickerText,
                    e.Intent.Side,
                    e.Intent.SizeKind,
                    OptionalOperand(e.Intent.Size),
                    OptionalOperand(e.Intent.StopLoss),
                    OptionalOperand(e.Intent.TakeProfit),
                    OptionalOperand(e.Intent.TrailingStop),
                    OptionalOperand(e.Intent.Fraction),
                    e.Intent.Span),
                e.Span)).ToArray();

            Operand[] results = [];
            string[] names = [];
            var resultIsBool = false;
            if (script.Result is IndicatorNode multi)
            {
                results = _indicatorSlots[multi.Id].Select(Compilation.Operand.Column).ToArray();
                names = multi.Definition.Outputs.Select(o => o.Name).ToArray();
            }
            else if (script.Result is { } single)
            {
                results = [Operand(single)];
                names = ["value"];
                resultIsBool = single.Kind == ValueKind.Bool;
            }

            var pinned = new bool[_slots.Count];
            void Pin(Operand? o)
            {
                if (o is { Kind: OperandKind.Column } column)
                {
                    pinned[column.Index] = true;
                }
            }

            foreach (var e in emits)
            {
                Pin(e.Intent.Size);
                Pin(e.Intent.StopLoss);
                Pin(e.Intent.TakeProfit);
                Pin(e.Intent.TrailingStop);
                Pin(e.Intent.Fraction);
            }

            foreach (var s in _scalar)
            {
                Pin(s.A);
                Pin(s.B);
                Pin(s.C);
            }

            foreach (var r in results)
            {
                Pin(r);
            }

            // A condition read only by emit_signal is kept as a bitset: 1 bit per bar instead of a double, so it is
            // computed in pooled scratch and packed after the run.
            var packed = new bool[_slots.Count];
            foreach (var e in emits)
            {
                if (e.Condition is { Kind: OperandKind.Column } c && !pinned[c.Index] && !_slots[c.Index].IsBits)
                {
                    packed[c.Index] = true;
                }
            }

            foreach (var e in emits)
            {
                Pin(e.Condition);
            }

            var lastUse = new int[_slots.Count];
            Array.Fill(lastUse, -1);
            for (var s = 0; s < _steps.Count; s++)
            {
                foreach (var input in _steps[s].Inputs)
                {
                    lastUse[input] = s;
                }
            }

            return new ExecutionPlan
            {
                Script = script,
                Contexts = script.Contexts,
                Steps = [.. _steps],
                Slots = [.. _slots],
                LastUse = lastUse,
                Pinned = pinned,
                Packed = packed,
                Scalar = [.. _scalar],
                RegisterCount = _nodeRegister.Count,
                Emits = emits,
                Results = results,
                ResultNames = names,
                ResultIsBool = resultIsBool,
                HistoryChecks = [.. _history],
                TradableByStep = _tradable,
                ContextNeedsFunding = _needsFunding,
            };
        }

        private void AddScalar(BoundNode node)
        {
            var register = _nodeRegister.Count;
            _nodeRegister[node.Id] = register;
            var instruction = node switch
            {
                PortfolioNode p => new ScalarInstruction(ScalarKind.Portfolio, p.Field, default, default, 0, default, default, default, register),
                UnaryNode u => new ScalarInstruction(ScalarKind.Unary, default, u.Op, default, u.Parameter, Operand(u.Operand), default, default, register),
                BinaryNode b => new ScalarInstruction(ScalarKind.Binary, default, default, b.Op, 0, Operand(b.Left), Operand(b.Right), default, register),
                ConditionalNode c => new ScalarInstruction(
                    ScalarKind.Select, default, default, default, 0, Operand(c.Condition), Operand(c.WhenTrue), Operand(c.WhenFalse), register),
                _ => throw new InvalidOperationException($"{node.GetType().Name} cannot run bar by bar."),
            };
            _scalar.Add(instruction);
        }

        private void AddStep(BoundNode node, PlanStep step)
        {
            _nodeSlot[node.Id] = step.Outputs[0];
            _steps.Add(step);
        }

        /// <summary>Records a base-context column whose warm-up bounds the first tradable bar.</summary>
        private void Track(BoundNode node, int slot)
        {
            if (node.Context != 0)
            {
                return;
            }

            var step = _steps.Count - 1;
            if (!_tradable.TryGetValue(step, out var list))
            {
                list = [];
                _tradable[step] = list;
            }

            list.Add(new TradableCheck(slot, node is AlignNode ? 0 : node.WarmUp, node.Kind == ValueKind.Bool));
        }

        private static double Fill(BoundNode node) => node.Kind == ValueKind.Bool ? 0 : double.NaN;

        private int NewSlot(int context, SlotRole role = SlotRole.Computed, DataField field = default, bool bits = false)
        {
            _slots.Add(new SlotInfo(context, role, field, bits));
            return _slots.Count - 1;
        }

        /// <summary>The column holding a node's values in <paramref name="context"/>; a constant becomes a filled column.</summary>
        private int Column(BoundNode node, int context)
        {
            if (node is ConstantNode c)
            {
                var key = (context, BitConverter.DoubleToInt64Bits(c.Value));
                if (!_fills.TryGetValue(key, out var slot))
                {
                    slot = NewSlot(context);
                    _steps.Add(new FillStep(c.Value, context, slot));
                    _fills[key] = slot;
                }

                return slot;
            }

            return _nodeSlot[node.Id];
        }

        private Operand VectorOperand(BoundNode node) =>
            node is ConstantNode c ? Compilation.Operand.Constant(c.Value) : Compilation.Operand.Column(_nodeSlot[node.Id]);

        private Operand Operand(BoundNode node)
        {
            if (node is ConstantNode c)
            {
                return Compilation.Operand.Constant(c.Value);
            }

            if (_nodeRegister.TryGetValue(node.Id, out var register))
            {
                return Compilation.Operand.Register(register);
            }

            return Compilation.Operand.Column(_nodeSlot[node.Id]);
        }

        private Operand? OptionalOperand(BoundNode? node) => node is null ? null : Operand(node);
    }
}
