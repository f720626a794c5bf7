namespace Tradewind.Indicators;

/// <summary>Moving-average kinds, numbered as TA-Lib's TA_MAType so parameters mean the same thing.</summary>
public enum MaType
{
    Sma = 0,
    Ema = 1,
    Wma = 2,
    Dema = 3,
    Tema = 4,
    Trima = 5,
    Kama = 6,
    Mama = 7,
    T3 = 8,
}
