using ControlPlane.Silo.Api;
using ControlPlane.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddControlPlane();

var app = builder.Build();
app.MapControlPlane();
try
{
    app.Run();
}
catch (OptionsValidationException invalid) when (System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly)
{
    // A setting to fix is one line naming it, not a stack trace; a test host hosting Program sees the exception itself.
    await Console.Error.WriteLineAsync($"controlplane: invalid configuration: {invalid.Message}");
    return 2;
}
return 0;

/// <summary>The entry point; public so that WebApplicationFactory can host it in tests.</summary>
public partial class Program;
