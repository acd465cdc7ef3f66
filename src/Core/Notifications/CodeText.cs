using Microsoft.Extensions.Localization;

namespace CampusKonseling.Notifications;

/// <summary>
/// Stored codes (a note's tier "konseling", an entry's kind "catatan") shown to a reader. Resource names are unique without
/// regard to case, so a code that is also a capitalized heading ("Konseling", "Catatan") has its translation under
/// "kode:" + the code; other codes are looked up as they are.
/// </summary>
public static class CodeText
{
    public const string Prefix = "kode:";

    public static string Kode(this IStringLocalizer T, string? kode)
    {
        if (string.IsNullOrEmpty(kode)) return "";
        var prefixed = T[Prefix + kode];
        return prefixed.ResourceNotFound ? T[kode] : prefixed.Value;
    }
}
