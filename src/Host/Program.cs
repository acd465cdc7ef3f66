using CampusKonseling.Host;
using CampusKonseling.Host.Cli;

var cli = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(cli.HostArgs);
builder.AddCampusKonseling();

var app = builder.Build();
if (cli.IsCommand)
    return await cli.RunAsync(app);

app.UseCampusKonseling();
await app.RunAsync();
return 0;

public partial class Program;
