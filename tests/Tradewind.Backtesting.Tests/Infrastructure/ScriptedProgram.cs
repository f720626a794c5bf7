using Tradewind.Core;
using Tradewind.Signals.Intents;
using Tradewind.Signals.Runtime;

namespace Tradewind.Backtesting.Tests.Infrastructure;

/// <summary>
/// Stands in for a compiled script: emits hand-written intents on chosen bars, so the engine is tested without the
/// DSL. It also records what the engine showed it (bars evaluated, position state) for assertions.
/// </summary>
internal sealed class ScriptedProgram : ISignalProgram
{
    private readonly long[] _time;
    private readonly Func<int, IPortfolioView, IEnumerable<SignalIntent>> _script;

    public ScriptedProgram(CandleSeries candles, Func<int, IPortfolioView, IEnumerable<SignalIntent>> script, int firstTradableBar = 0, bool readsPortfolio = true)
    {
        _time = candles.Time;
        _script = script;
        FirstTradableBar = firstTradableBar;
        ReadsPortfolio = readsPortfolio;
    }

    public int BarCount => _time.Length;

    public ReadOnlySpan<long> Time => _time;

    public int FirstTradableBar { get; }

    public bool ReadsPortfolio { get; }

    public List<int> EvaluatedBars { get; } = [];

    public List<(int Bar, double Equity, double Cash)> Views { get; } = [];

    /// <summary>A program that emits <paramref name="script"/>'s intents at the given bars.</summary>
    public static ScriptedProgram At(CandleSeries candles, params (int Bar, SignalIntent Intent)[] script) =>
        new(candles, (bar, _) => script.Where(s => s.Bar == bar).Select(s => s.Intent));

    public void EvaluateBar(int bar, IPortfolioView portfolio, List<EmittedSignal> sink)
    {
        EvaluatedBars.Add(bar);
        Views.Add((bar, portfolio.Equity, portfolio.Cash));
        foreach (var intent in _script(bar, portfolio))
        {
            sink.Add(new EmittedSignal(bar, _time[bar], intent));
        }
    }
}
