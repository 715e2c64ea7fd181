using System.Text;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>Collects where any of a set of secrets shows up, naming the secret and the place but never quoting its value.</summary>
public sealed class SecretSearch(IReadOnlyDictionary<string, string> secrets)
{
    private const int Context = 80;
    private const int Listed = 20;
    private readonly List<string> _found = [];

    public IReadOnlyList<string> Found => _found;

    /// <summary>Searches <paramref name="text"/>; the secret named <paramref name="allowed"/>, if any, may appear there.</summary>
    public void InText(string place, string text, string? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (name, value) in secrets)
        {
            if (name == allowed || !text.Contains(value, StringComparison.Ordinal)) continue;
            // Mask every secret before cutting the excerpt, so that no part of one reaches the test output.
            var masked = secrets.OrderByDescending(s => s.Value.Length)
                .Aggregate(text, (masking, secret) => masking.Replace(secret.Value, $"<{secret.Key}>", StringComparison.Ordinal));
            var at = Math.Max(0, masked.IndexOf($"<{name}>", StringComparison.Ordinal));
            var excerpt = masked[Math.Max(0, at - Context)..Math.Min(masked.Length, at + name.Length + 2 + Context)].ReplaceLineEndings(" ");
            _found.Add($"{name} in {place}: …{excerpt}…");
        }
    }

    public void InBytes(string place, byte[] bytes)
    {
        foreach (var (name, value) in secrets)
            if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0) _found.Add($"{name} in {place}");
    }

    public void AssertNoneFound() => Assert.True(_found.Count == 0,
        $"{_found.Count} secret(s) found:{Environment.NewLine}{string.Join(Environment.NewLine, _found.Take(Listed))}"
        + (_found.Count > Listed ? $"{Environment.NewLine}… and {_found.Count - Listed} more" : ""));
}
