using System.Buffers.Text;
using System.Security.Cryptography;

namespace Tradewind.Server.Backtests;

/// <summary>
/// Identifiers of backtest jobs and results. A result id is also the secret part of its public share link
/// (<c>/dashboard/backtest/{id}</c>, served without a key), so it carries 192 random bits.
/// </summary>
internal static class BacktestIds
{
    public const string JobPrefix = "bt_";
    public const string ResultPrefix = "btr_";

    public static string NewJobId() => JobPrefix + Random(16);

    public static string NewResultId() => ResultPrefix + Random(24);

    private static string Random(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
