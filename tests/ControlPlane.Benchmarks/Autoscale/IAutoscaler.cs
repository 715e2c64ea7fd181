namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>A scaling policy under replay: given what the last step looked like, how many replicas to provision.</summary>
public interface IAutoscaler
{
    string Name { get; }

    /// <summary>Replicas to provision at the start of the run, before any step was observed.</summary>
    int InitialReplicas { get; }

    int Decide(StepObservation observation);
}
