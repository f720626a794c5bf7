namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Streaming highest or lowest of the last `period` values, with the same rescan-on-expiry approach as
/// <see cref="RollingExtremes"/>. A max or min has no rounding, so it equals the batch result exactly.
/// </summary>
internal sealed class ExtremeWindow
{
    private readonly double[] _window;
    private readonly bool _highest;
    private long _seen;
    private long _extremeIndex = -1;
    private double _extreme;

    public ExtremeWindow(int period, bool highest)
    {
        _window = new double[period];
        _highest = highest;
    }

    public int Period => _window.Length;

    /// <summary>True once `period` values have been pushed.</summary>
    public bool IsFull => _seen >= _window.Length;

    /// <summary>The extreme of the last `period` values (of all values so far while not yet full).</summary>
    public double Value => _extreme;

    public void Push(double value)
    {
        var period = _window.Length;
        var index = _seen++;
        _window[(int)(index % period)] = value;
        var first = Math.Max(0, index - period + 1);
        if (_extremeIndex < first)
        {
            _extremeIndex = first;
            _extreme = _window[(int)(first % period)];
            for (var j = first + 1; j <= index; j++)
            {
                var v = _window[(int)(j % period)];
                if (_highest ? v >= _extreme : v <= _extreme)
                {
                    _extreme = v;
                    _extremeIndex = j;
                }
            }
        }
        else if (_highest ? value >= _extreme : value <= _extreme)
        {
            _extreme = value;
            _extremeIndex = index;
        }
    }

    public void Reset()
    {
        _seen = 0;
        _extremeIndex = -1;
        _extreme = 0;
        Array.Clear(_window);
    }
}
