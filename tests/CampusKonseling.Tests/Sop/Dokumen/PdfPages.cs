using System.Diagnostics;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary>A PDF as PNG pages in the screenshots folder ({name}-1.png …), drawn by poppler's pdftoppm (scripts/ensure-test-tools.sh installs it).</summary>
public static class PdfPages
{
    public static int Render(string pdf, string name)
    {
        foreach (var old in Directory.EnumerateFiles(RepoPaths.Screenshots, $"{name}-*.png")) File.Delete(old);
        using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "110", pdf, Path.Combine(RepoPaths.Screenshots, name)])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("pdftoppm did not start");
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(60_000)) throw new TimeoutException($"pdftoppm took over a minute on {pdf}");
        if (process.ExitCode != 0) throw new InvalidOperationException($"pdftoppm failed ({process.ExitCode}) on {pdf}: {error}");
        return Directory.EnumerateFiles(RepoPaths.Screenshots, $"{name}-*.png").Count();
    }
}
