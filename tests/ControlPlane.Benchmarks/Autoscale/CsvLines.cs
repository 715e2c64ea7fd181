namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>Splits the data lines of a header-first CSV without quoted fields (all the shipped traces are such).</summary>
public static class CsvLines
{
    public static IEnumerable<string[]> Rows(TextReader reader, int? maxRows = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadLine() is null) yield break;
        var count = 0;
        while ((maxRows is null || count < maxRows) && reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            count++;
            yield return line.Split(',');
        }
    }
}
