global using ControlPlane.Core.Budgets;
global using ControlPlane.Core.Clusters;
global using ControlPlane.Core.Decisions;
global using ControlPlane.Core.FinOps;
global using ControlPlane.Core.GitOps;
global using ControlPlane.Core.Models;
global using ControlPlane.Core.Rollout;
global using ControlPlane.Core.Signals;
