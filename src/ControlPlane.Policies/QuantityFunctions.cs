using Cel;

namespace ControlPlane.Policies;

/// <summary>The Kubernetes CEL quantity library, lite: parse, compare, add, subtract and convert.</summary>
internal static class QuantityFunctions
{
    private static readonly Type Q = typeof(Quantity);

    public static void Register(CelEnvironment environment)
    {
        environment.RegisterFunction("quantity", [typeof(string)], a => Quantity.Parse((string)a[0]!));
        environment.RegisterFunction("isQuantity", [typeof(string)], a => Quantity.TryParse((string)a[0]!) is not null);
        environment.RegisterFunction("compareTo", [Q, Q], a => (long)Left(a).CompareTo(Right(a)));
        environment.RegisterFunction("isGreaterThan", [Q, Q], a => Left(a).CompareTo(Right(a)) > 0);
        environment.RegisterFunction("isLessThan", [Q, Q], a => Left(a).CompareTo(Right(a)) < 0);
        environment.RegisterFunction("add", [Q, Q], a => new Quantity(Left(a).Value + Right(a).Value));
        environment.RegisterFunction("add", [Q, typeof(long)], a => new Quantity(Left(a).Value + (long)a[1]!));
        environment.RegisterFunction("sub", [Q, Q], a => new Quantity(Left(a).Value - Right(a).Value));
        environment.RegisterFunction("sub", [Q, typeof(long)], a => new Quantity(Left(a).Value - (long)a[1]!));
        environment.RegisterFunction("sign", [Q], a => (long)Math.Sign(Left(a).Value));
        environment.RegisterFunction("isInteger", [Q], a => IsInteger(Left(a)));
        environment.RegisterFunction("asInteger", [Q], a => IsInteger(Left(a))
            ? (long)Left(a).Value
            : throw new CelArgumentRangeException($"quantity {Left(a).Value} is not an integer that fits in an int"));
        environment.RegisterFunction("asApproximateFloat", [Q], a => (double)Left(a).Value);
    }

    private static Quantity Left(object?[] args) => (Quantity)args[0]!;

    private static Quantity Right(object?[] args) => (Quantity)args[1]!;

    private static bool IsInteger(Quantity q) => decimal.Truncate(q.Value) == q.Value && q.Value is >= long.MinValue and <= long.MaxValue;
}
