using ControlPlane.Core.Fields;

namespace ControlPlane.Core.Rollout;

/// <summary>Checks an operator's rollback request before it reaches a grain: the reason lands in the commit, the version in a label.</summary>
public static class RollbackRequestRules
{
    public static List<string> Validate(RollbackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<string>();
        if (FieldRules.Reason.Check("reason", request.Reason) is { } reason) errors.Add(reason);
        if (request.ToVersion is not null && FieldRules.Version.Check("toVersion", request.ToVersion) is { } toVersion) errors.Add(toVersion);
        return errors;
    }
}
