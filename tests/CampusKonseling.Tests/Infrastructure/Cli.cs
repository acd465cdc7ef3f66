using System.Diagnostics;

namespace CampusKonseling.Tests.Infrastructure;

/// <summary>Runs the host's operator verbs as a separate process, as an operator would.</summary>
public static class Cli
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The built host (CampusKonseling.Host.dll) with the test database, as the operator's shell would start it.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CampusKonseling.Host.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__Default"] = TestDatabase.ConnectionString;
        start.Environment["CampusKonseling__TenantDatabasePrefix"] = TestDatabase.TenantDatabasePrefix;
        start.Environment["CampusKonseling__AllowDemoUsers"] = "true";
        // The operator's host reads its key-ring certificate at start (Production refuses to make one).
        start.Environment["CampusKonseling__KeyRing__CertificatePath"] = PlatformFixture.KeyRingCertificatePath;
        start.Environment["CampusKonseling__KeyRing__CreateIfMissing"] = "true";
        return start;
    }
}
