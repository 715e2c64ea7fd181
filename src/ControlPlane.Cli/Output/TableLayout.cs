using Spectre.Console;
using Spectre.Console.Rendering;

namespace ControlPlane.Cli.Output;

/// <summary>The two shapes tables take: rows under headers (lists), and field/value pairs (one object). Borderless, so lines grep well.</summary>
public static class TableLayout
{
    public static Table Rows(IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table { Border = TableBorder.None, ShowHeaders = true };
        foreach (var header in headers) table.AddColumn(new TableColumn(new Text(header)) { Padding = new Padding(0, 0, 3, 0) });
        foreach (var row in rows) table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        return table;
    }

    /// <summary>Field/value pairs; pairs with an empty value are left out.</summary>
    public static Table Fields(IEnumerable<(string Field, string Value)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var table = new Table { Border = TableBorder.None, ShowHeaders = false };
        table.AddColumn(new TableColumn("") { Padding = new Padding(0, 0, 3, 0) });
        table.AddColumn(new TableColumn(""));
        foreach (var (field, value) in fields.Where(f => f.Value.Length > 0))
            table.AddRow(new Text(field + ":"), new Text(value));
        return table;
    }

    /// <summary>Renderables one under another, with a titled blank line between sections.</summary>
    public static IRenderable Sections(params (string? Title, IRenderable Body)[] sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var parts = new List<IRenderable>();
        foreach (var (title, body) in sections)
        {
            if (title is not null) parts.Add(new Text(Environment.NewLine + title));
            parts.Add(body);
        }
        return new Rows(parts);
    }
}
