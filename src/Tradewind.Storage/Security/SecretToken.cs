using System.Security.Cryptography;
using System.Text;

namespace Tradewind.Storage.Security;

/// <summary>
/// Secret tokens (agent API keys, session tokens) of the form <c>tw_{kind}_{lookup}{secret}</c>: a 12-character
/// lookup that indexes the row and a 32-character secret, both base62 from the OS CSPRNG (~190 bits of secret).
/// Only the SHA-256 of the whole token is stored; a plain hash suffices because the token is random, not a password.
/// Comparison is constant-time.
/// </summary>
public static class SecretToken
{
    public const int LookupLength = 12;
    public const int SecretLength = 32;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Makes a token with the given prefix, e.g. <c>tw_prov_</c>.</summary>
    public static IssuedSecret Create(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var lookup = RandomString(LookupLength);
        var token = prefix + lookup + RandomString(SecretLength);
        return new IssuedSecret(token, lookup, Hash(token));
    }

    /// <summary>Random base62 text of the given length (also used for claim codes and ids).</summary>
    public static string RandomString(int length, string alphabet = Alphabet) =>
        new(RandomNumberGenerator.GetItems<char>(alphabet, length));

    /// <summary>
    /// The lookup part of a presented token, or false when the text does not have a token's shape
    /// (<c>tw_</c>, a kind, <c>_</c>, then exactly lookup + secret characters).
    /// </summary>
    public static bool TryGetLookup(string? token, string prefix, out string lookup)
    {
        lookup = string.Empty;
        if (token is null || token.Length != prefix.Length + LookupLength + SecretLength
            || !token.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in token.AsSpan(prefix.Length))
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        lookup = token.Substring(prefix.Length, LookupLength);
        return true;
    }

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True when <paramref name="token"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string token, string storedHash)
    {
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), presented);
        Span<byte> stored = stackalloc byte[SHA256.HashSizeInBytes];
        return Convert.FromHexString(storedHash, stored, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == SHA256.HashSizeInBytes
            && CryptographicOperations.FixedTimeEquals(presented, stored);
    }
}
