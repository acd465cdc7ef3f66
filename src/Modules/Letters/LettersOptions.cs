namespace CampusKonseling.Letters;

/// <summary>Section "CampusKonseling:Letters".</summary>
public sealed class LettersOptions
{
    public const string Section = "CampusKonseling:Letters";

    /// <summary>
    /// A commercial PDFsharp licence key. Without one, PDFsharp 6.5 is used under its AGPL licence
    /// (see docs/decisions/0007-pdfsharp-licence.md).
    /// </summary>
    public string? PdfSharpLicenseKey { get; set; }
}
