namespace Tradewind.Indicators;

/// <summary>
/// What an indicator input reads. <see cref="Real"/> is any series (the DSL passes one, defaulting to close); the
/// others are fixed bar fields the DSL supplies from the current ticker.
/// </summary>
public enum InputKind
{
    Real,
    Open,
    High,
    Low,
    Close,
    Volume,
}
