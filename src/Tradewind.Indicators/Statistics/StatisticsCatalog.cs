namespace Tradewind.Indicators.Statistics;

/// <summary>The Statistics and MathOperator indicators, as registered in <see cref="IndicatorRegistry"/>.</summary>
internal static class StatisticsCatalog
{
    public static IEnumerable<IndicatorDefinition> Definitions()
    {
        yield return Beta.Definition;
        yield return Correl.Definition;
        yield return LinearRegression.ValueDefinition;
        yield return LinearRegression.AngleDefinition;
        yield return LinearRegression.InterceptDefinition;
        yield return LinearRegression.SlopeDefinition;
        yield return LinearRegression.ForecastDefinition;
        yield return StdDev.Definition;
        yield return Var.Definition;

        // Math operators (IndicatorGroup.MathOperator).
        yield return Max.Definition;
        yield return Min.Definition;
        yield return Sum.Definition;
        yield return MaxIndex.Definition;
        yield return MinIndex.Definition;
        yield return MinMax.Definition;
        yield return MinMaxIndex.Definition;
    }
}
