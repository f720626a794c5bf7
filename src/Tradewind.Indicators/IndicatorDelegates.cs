namespace Tradewind.Indicators;

/// <summary>TA-Lib lookback: the index of the first valid output for these parameters.</summary>
public delegate int LookbackFunction(ReadOnlySpan<double> parameters);

/// <summary>
/// Batch kernel: reads the input columns, writes every output column in full (NaN for warm-up bars).
/// Parameters arrive validated, in the definition's order.
/// </summary>
public delegate void BatchKernel(scoped in IndicatorInputs inputs, ReadOnlySpan<double> parameters, scoped in IndicatorOutputs outputs);

/// <summary>Creates a fresh streaming state for validated parameters.</summary>
public delegate IIndicatorState StateFactory(ReadOnlySpan<double> parameters);
