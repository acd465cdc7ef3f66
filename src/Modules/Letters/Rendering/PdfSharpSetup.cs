using PdfSharp;

namespace CampusKonseling.Letters.Rendering;

/// <summary>
/// PDFsharp 6.5 refuses to make documents until a licence is chosen: a commercial key when the
/// operator configured one, otherwise its AGPL licence (docs/decisions/0007-pdfsharp-licence.md).
/// Fonts come from the machine (<see cref="SystemFonts"/>).
/// </summary>
public static class PdfSharpSetup
{
    private static readonly object Gate = new();
    private static bool _licensed;

    public static void Ensure(string? licenseKey)
    {
        lock (Gate)
        {
            if (!_licensed)
            {
                if (string.IsNullOrWhiteSpace(licenseKey)) PdfSharpLicense.SetAgplLicense();
                else PdfSharpLicense.LoadLicense(licenseKey);
                _licensed = true;
            }
        }
        SystemFonts.Install();
    }
}
