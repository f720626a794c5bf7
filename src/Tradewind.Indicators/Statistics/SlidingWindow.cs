namespace Tradewind.Indicators.Statistics;

/// <summary>
/// The last <c>capacity</c> values of a stream, for streaming states. Every value is stored twice (at i and
/// i + capacity) so the window is always one contiguous span, oldest first, and kernels that scan a window can
/// run the same code on the batch input and on the stream.
/// </summary>
internal sealed class SlidingWindow
{
    private readonly double[] _buffer;
    private readonly int _capacity;
    private int _head;

    public SlidingWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _buffer = new double[2 * capacity];
    }

    public int Capacity => _capacity;

    /// <summary>Values held, up to the capacity.</summary>
    public int Count { get; private set; }

    public bool IsFull => Count == _capacity;

    /// <summary>Absolute index of the newest value: values added so far - 1.</summary>
    public long NewestIndex { get; private set; } = -1;

    /// <summary>The oldest value held once full: the one the next <see cref="Add"/> drops.</summary>
    public double Oldest => _buffer[_head];

    /// <summary>The value <paramref name="ago"/> bars back (0 = newest).</summary>
    public double this[int ago] => _buffer[_head + _capacity - 1 - ago];

    /// <summary>Every value held, oldest first.</summary>
    public ReadOnlySpan<double> Values => _buffer.AsSpan(_head + _capacity - Count, Count);

    public void Add(double value)
    {
        _buffer[_head] = value;
        _buffer[_head + _capacity] = value;
        _head = _head + 1 == _capacity ? 0 : _head + 1;
        NewestIndex++;
        if (Count < _capacity)
        {
            Count++;
        }
    }

    public void Clear()
    {
        Array.Clear(_buffer);
        _head = 0;
        Count = 0;
        NewestIndex = -1;
    }
}
