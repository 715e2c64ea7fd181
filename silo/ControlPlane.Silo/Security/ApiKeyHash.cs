using System.Security.Cryptography;
using System.Text;

namespace ControlPlane.Silo.Security;

/// <summary>API keys are random, shown once, and kept only as their SHA-256; a presented key is compared in constant time.</summary>
public static class ApiKeyHash
{
    public const string Prefix = "cpk_";

    /// <summary>A new key: 256 random bits, URL-safe, with a prefix that secret scanners can match.</summary>
    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Sha256(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string Sha256Hex(string key) => Convert.ToHexStringLower(Sha256(key));

    /// <summary>The hash bytes of a 64-digit hex string, or null when it is not one.</summary>
    public static byte[]? ParseHex(string? hex)
    {
        if (hex is null || hex.Length != 64) return null;
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static bool Matches(ReadOnlySpan<byte> presentedHash, ReadOnlySpan<byte> storedHash) =>
        CryptographicOperations.FixedTimeEquals(presentedHash, storedHash);
}
