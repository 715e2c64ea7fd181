namespace ControlPlane.Core.Fields;

/// <summary>Which whitespace a text field may hold besides the characters every field refuses.</summary>
public enum TextLayout
{
    /// <summary>No whitespace at all: a name or an identifier.</summary>
    Token,

    /// <summary>One line: spaces, but no tab and no line break of any kind (LF, CR, NEL, U+2028, U+2029).</summary>
    Line,

    /// <summary>Lines separated by line feeds, with tabs; still no CR, NEL, U+2028 or U+2029, which YAML readers disagree on.</summary>
    Lines,
}
