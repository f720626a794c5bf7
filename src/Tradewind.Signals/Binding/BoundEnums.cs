namespace Tradewind.Signals.Binding;

/// <summary>The type of a bound value. Numbers and booleans are series (one value per bar) unless constant.</summary>
internal enum ValueKind
{
    Number,
    Bool,
    String,

    /// <summary>A multi-output indicator call; pick an output with <c>.name</c>.</summary>
    Multi,
    Intent,
    Size,
    Void,

    /// <summary>An expression that already produced a diagnostic; suppresses follow-on errors.</summary>
    Error,
}

/// <summary>Series read from the bars of a context.</summary>
internal enum DataField
{
    Open,
    High,
    Low,
    Close,
    Volume,
    Hl2,
    Hlc3,
    Ohlc4,
    Timestamp,
    Hour,
    Minute,
    DayOfWeek,
    DayOfMonth,
    Month,
    Year,
    BarIndex,
    FundingRate,
}

/// <summary>Strings fixed for a whole run.</summary>
internal enum ContextField
{
    Ticker,
    Exchange,
    Timeframe,
}

/// <summary>Account and position state, known only bar by bar.</summary>
internal enum PortfolioField
{
    PositionSize,
    PositionSide,
    EntryPrice,
    BarsSinceEntry,
    UnrealizedPnlPct,
    Equity,
    Cash,
}

internal enum UnaryOp
{
    Negate,
    Not,
    Abs,
    Log,
    Exp,
    Sqrt,
    IsNa,

    /// <summary>Round to <c>Parameter</c> decimal places, half away from zero.</summary>
    Round,
}

internal enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Power,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Equal,
    NotEqual,
    And,
    Or,
    Min,
    Max,

    /// <summary><c>nz(a, b)</c>: a, or b where a is na.</summary>
    Nz,
}

/// <summary>Series helpers that need their own kernel (windows, state across bars).</summary>
internal enum WindowKind
{
    Crossover,
    Crossunder,
    Cross,
    Highest,
    Lowest,
    Sum,
    Mean,
    Stdev,
    BarsSince,
    ValueWhen,
}
