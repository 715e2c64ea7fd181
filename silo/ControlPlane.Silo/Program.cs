using ControlPlane.Silo.Api;
using ControlPlane.Silo.Hosting;

// Settings come from the appsettings.json next to the binary whatever the working directory;
// relative paths in them (./data) still resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
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
