using System.Globalization;

namespace ControlPlane.Core.Fields;

/// <summary>A character a field may not hold: where it is and what it is, in words.</summary>
public sealed record TextFault(int Index, char Character, string What)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{What} (U+{(int)Character:X4}) at index {Index}");
}
