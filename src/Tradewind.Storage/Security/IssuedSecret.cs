namespace Tradewind.Storage.Security;

/// <summary>
/// A freshly made secret token. <see cref="Token"/> is shown to its owner once and never stored;
/// <see cref="Lookup"/> (not secret) finds the row and <see cref="Hash"/> proves possession.
/// </summary>
public sealed record IssuedSecret(string Token, string Lookup, string Hash);
