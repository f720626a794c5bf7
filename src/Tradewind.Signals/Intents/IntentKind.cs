namespace Tradewind.Signals.Intents;

/// <summary>What an intent asks for.</summary>
public enum IntentKind
{
    /// <summary><c>entry(ticker?, "LONG"|"SHORT", size, stop_loss=?, take_profit=?, trailing_stop=?)</c>.</summary>
    Entry,

    /// <summary><c>exit(ticker?, fraction=1)</c>.</summary>
    Exit,
}
