namespace ControlPlane.Silo.Hosting;

/// <summary>Set once the silo runs and the Git repository is open, cleared when stopping begins; <c>/readyz</c> reports it.</summary>
public sealed class Readiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;

    public void MarkNotReady() => _ready = false;
}
