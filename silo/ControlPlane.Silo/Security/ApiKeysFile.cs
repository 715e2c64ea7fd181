namespace ControlPlane.Silo.Security;

/// <summary>Reads a mounted secret of key hashes: one <c>name role sha256-hex</c> per line, <c>#</c> comments, blank lines ignored.</summary>
public static class ApiKeysFile
{
    public static IReadOnlyList<ApiKeyDirectory.KnownKey> Read(string path)
    {
        var keys = new List<ApiKeyDirectory.KnownKey>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0) continue;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var entry = new ConfiguredApiKey { Name = fields[0], Role = fields.ElementAtOrDefault(1) ?? "", Sha256 = fields.ElementAtOrDefault(2) ?? "" };
            var problem = fields.Length != 3 ? "expected 'name role sha256-hex'." : entry.Problem();
            // The line number, never the line: a key pasted by mistake must not reach the log.
            if (problem is not null) throw new InvalidOperationException($"{path} line {number}: {problem}");
            keys.Add(new ApiKeyDirectory.KnownKey(entry.Name, entry.Role, "file", ApiKeyHash.ParseHex(entry.Sha256)!));
        }
        return keys;
    }
}
