namespace ControlPlane.Silo.Ui;

/// <summary>What the dashboard reads at start: how to link a commit and how often to poll.</summary>
public sealed record UiConfig(string CommitUrlTemplate, int PollIntervalMs);
