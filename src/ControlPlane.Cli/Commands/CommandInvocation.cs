using System.CommandLine;
using ControlPlane.Cli.Gateway;
using ControlPlane.Cli.Output;
using ControlPlane.Cli.Settings;

namespace ControlPlane.Cli.Commands;

/// <summary>One run of a command: its parsed arguments, where it prints, and (made on first use) the gateway client.</summary>
public sealed class CommandInvocation(ParseResult parse, GlobalOptions options, CliEnvironment environment) : IDisposable
{
    private ConnectionSettings? _settings;
    private GatewayClient? _gateway;

    public ParseResult Parse { get; } = parse;

    public CliEnvironment Environment { get; } = environment;

    public ResultWriter Output { get; } = new(environment.Output, parse.GetValue(options.Output), environment.OutputIsTerminal);

    /// <summary>Flag, environment, config file, default; read only by commands that call the gateway.</summary>
    public ConnectionSettings Settings => _settings ??= ConnectionSettings.Resolve(
        Parse.GetValue(options.Server), Parse.GetValue(options.ApiKey), Parse.GetValue(options.Config), Environment);

    /// <summary>The settings if they have been read, without reading them.</summary>
    public ConnectionSettings? KnownSettings => _settings;

    public GatewayClient Gateway => _gateway ??= new GatewayClient(Settings);

    public T Value<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    public void Dispose() => _gateway?.Dispose();
}
