using ControlPlane.Silo.Api;
using ControlPlane.Silo.Hosting;

WebApplication app;
try
{
    // Settings come from the appsettings.json next to the binary whatever the working directory;
    // relative paths in them (./data) still resolve against the working directory.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddControlPlane();
    app = builder.Build();
    InvalidSettings.ThrowIfAny(app.Services);
}
catch (Exception error) when (InvalidSettings.Describe(error) is { } problems && System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly)
{
    // A setting to fix is one line naming it, not a stack trace; a test host hosting Program sees the exception itself.
    foreach (var problem in problems) await Console.Error.WriteLineAsync($"controlplane: invalid configuration: {problem}");
    return 2;
}
app.MapControlPlane();
app.Run();
return 0;

/// <summary>The entry point; public so that WebApplicationFactory can host it in tests.</summary>
public partial class Program;
