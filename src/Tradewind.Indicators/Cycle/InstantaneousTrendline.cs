namespace Tradewind.Indicators.Cycle;

/// <summary>
/// Ehlers' instantaneous trendline as TA-Lib computes it for HT_TRENDLINE and HT_TRENDMODE: the simple average of the
/// raw prices over the dominant cycle, then a 4-3-2-1 weighted average of the last four such averages.
/// </summary>
internal struct InstantaneousTrendline
{
    private CycleWindow _prices;
    private int _index;
    private double _trend1;
    private double _trend2;
    private double _trend3;

    /// <summary>Records this bar's raw price; call on every bar, warm-up included, before <see cref="Update"/>.</summary>
    public void Record(double price)
    {
        _index = _index == CycleWindow.Length - 1 ? 0 : _index + 1;
        _prices[_index] = price;
    }

    /// <summary>The trendline for the bar last recorded, given the smoothed dominant-cycle period.</summary>
    public double Update(double smoothPeriod)
    {
        var cycle = (int)(smoothPeriod + 0.5);
        var average = 0.0;
        var idx = _index;
        for (var i = 0; i < cycle; i++)
        {
            average += _prices[idx];
            idx = idx == 0 ? CycleWindow.Length - 1 : idx - 1;
        }

        if (cycle > 0)
        {
            average /= cycle;
        }

        var trendline = ((4.0 * average) + (3.0 * _trend1) + (2.0 * _trend2) + _trend3) / 10.0;
        _trend3 = _trend2;
        _trend2 = _trend1;
        _trend1 = average;
        return trendline;
    }
}
