global using ControlPlane.Core.Budgets;
global using ControlPlane.Core.Clusters;
global using ControlPlane.Core.Models;
global using ControlPlane.Core.Naming;
global using ControlPlane.Core.Signals;
global using ControlPlane.Grains;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.Extensions.Options;
