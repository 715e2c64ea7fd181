global using ControlPlane.Core.Budgets;
global using ControlPlane.Core.Clusters;
global using ControlPlane.Core.Decisions;
global using ControlPlane.Core.Models;
global using ControlPlane.Core.Signals;
global using ControlPlane.Core.Rollout;
global using Microsoft.Extensions.Time.Testing;
