using ControlPlane.Silo.Api;
using ControlPlane.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddControlPlane();

var app = builder.Build();
app.MapControlPlane();
app.Run();

/// <summary>The entry point; public so that WebApplicationFactory can host it in tests.</summary>
public partial class Program;
