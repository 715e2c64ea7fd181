namespace ControlPlane.Cli.Output;

/// <summary>How results are printed: tables for people, JSON or YAML (the server's fields, unchanged) for scripts.</summary>
public enum OutputFormat
{
    Table,
    Json,
    Yaml,
}
