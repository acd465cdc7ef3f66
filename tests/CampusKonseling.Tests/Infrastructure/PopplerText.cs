namespace CampusKonseling.Tests.Infrastructure;

public static class PopplerText
{
    /// <summary>The PDF's text as poppler's pdftotext reads it, with line breaks as spaces (scripts/ensure-test-tools.sh installs it).</summary>
    public static string Of(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "pdftotext took over a minute");
            return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
