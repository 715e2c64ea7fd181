namespace ControlPlane.Storage.Sqlite;

/// <summary>SQL text of the grain_state table; every value is a parameter.</summary>
internal static class GrainStateSql
{
    public const string CreateTable = """
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name TEXT NOT NULL,
            grain_type TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            etag       TEXT NOT NULL,
            payload    BLOB NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (state_name, grain_type, grain_id)
        ) WITHOUT ROWID;
        """;

    private const string Key = "state_name = $state AND grain_type = $type AND grain_id = $id";

    public const string Read = $"SELECT etag, payload FROM grain_state WHERE {Key};";

    public const string ReadEtag = $"SELECT etag FROM grain_state WHERE {Key};";

    public const string Insert = """
        INSERT INTO grain_state (state_name, grain_type, grain_id, etag, payload, updated_at)
        VALUES ($state, $type, $id, $etag, $payload, $updated)
        ON CONFLICT DO NOTHING;
        """;

    public const string Update =
        $"UPDATE grain_state SET etag = $etag, payload = $payload, updated_at = $updated WHERE {Key} AND etag = $expected;";

    public const string Delete = $"DELETE FROM grain_state WHERE {Key} AND etag = $expected;";
}
