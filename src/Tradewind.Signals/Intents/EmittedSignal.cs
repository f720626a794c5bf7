namespace Tradewind.Signals.Intents;

/// <summary>An intent emitted at the close of bar <see cref="Bar"/> (open time <see cref="Time"/>, Unix ms).</summary>
public readonly record struct EmittedSignal(int Bar, long Time, SignalIntent Intent);
