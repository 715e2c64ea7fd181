using System.Formats.Tar;
using System.IO.Compression;

namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>Reads the data lines of one CSV member of a .tar.gz as shipped, without extracting it to disk.</summary>
public static class TarGzCsv
{
    public static IEnumerable<string[]> Rows(string archivePath, string memberName, int? maxRows = null)
    {
        using var file = File.OpenRead(archivePath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            // Archives made on macOS carry "._name" resource-fork members next to the real one.
            var name = Path.GetFileName(entry.Name);
            if (name != memberName || entry.DataStream is null) continue;
            using var reader = new StreamReader(entry.DataStream);
            foreach (var row in CsvLines.Rows(reader, maxRows)) yield return row;
            yield break;
        }
        throw new InvalidDataException($"{archivePath} holds no member named {memberName}");
    }
}
