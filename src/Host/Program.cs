using CampusKonseling.Host;
using CampusKonseling.Host.Cli;
using CampusKonseling.Host.Setup;

// Reading an SOP document needs no campus, database or key ring.
if (args is ["recipes", "import-sop", var sopFile]) return await ImportSop.RunAsync(sopFile, Console.Out, Console.Error);

var cli = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(cli.HostArgs);
builder.AddCampusKonseling();

var app = builder.Build();
if (cli.IsCommand)
    return await cli.RunAsync(app);
if (DemoSettings.Refusal(app.Configuration, app.Environment) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return DemoSettings.ExitCode;
}

app.UseCampusKonseling();
await app.RunAsync();
return 0;

public partial class Program;
