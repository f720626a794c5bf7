namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Streaming form of <see cref="DirectionalMovement.Run{TOutput}"/> for one <see cref="IDirectionalOutput"/>: feeds
/// <see cref="DirectionalMovement"/> bar by bar and hands its running values to the same output struct the batch
/// kernel uses, so the two agree bit for bit.
/// </summary>
internal struct DirectionalStream<TOutput>
    where TOutput : struct, IDirectionalOutput
{
    private readonly int _period;
    private readonly int _lookback;
    private readonly TOutput _output;
    private DirectionalMovement _dm;

    /// <param name="period">Wilder's period (at least 1).</param>
    /// <param name="lookback">Bars before the first value, as the batch kernel counts them.</param>
    /// <param name="output">What each bar's value is made of.</param>
    public DirectionalStream(int period, int lookback, TOutput output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _lookback = lookback;
        _output = output;
        _dm = new DirectionalMovement(period);
    }

    public readonly int WarmUpPeriod => _lookback + 1;

    public readonly bool IsReady => _dm.Bars > _lookback;

    /// <summary>Consumes a bar; <paramref name="close"/> is ignored by outputs that need no true range.</summary>
    public double Update(double high, double low, double close)
    {
        if (TOutput.UsesRange)
        {
            _dm.Update(high, low, close);
        }
        else
        {
            _dm.UpdateMovement(high, low);
        }

        return _dm.Bars > _lookback ? _output.Next(_dm.Plus, _dm.Minus, _dm.Range) : double.NaN;
    }

    public void Reset() => _dm = new DirectionalMovement(_period);
}
