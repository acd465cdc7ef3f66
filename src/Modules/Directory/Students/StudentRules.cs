using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using CampusKonseling.Direktori.Data;
using CampusKonseling.Users;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Direktori.Students;

/// <summary>A student as written in a CSV row or an API body: raw text, not yet checked.</summary>
public sealed record StudentInput(string? Nim, string? Nama, string? Prodi, string? Semester, string? Status, string? Email, string? Telepon);

/// <summary>
/// One refusal: the column (the CSV header name, the API field name), a stable code for machines
/// (wajib, format, pilihan, rentang, panjang, ganda) and the message, whose Name is the Indonesian resource key.
/// </summary>
public sealed record FieldError(string Kolom, string Kode, LocalizedString Pesan);

/// <summary>The checks every student passes, whether it comes from a CSV file or from SIAKAD's API.</summary>
public static partial class StudentRules
{
    public static readonly string[] Columns = ["nim", "nama", "prodi", "semester", "status", "email", "telepon"];

    [GeneratedRegex("^[0-9A-Z][0-9A-Z.\\-]{3,18}[0-9A-Z]$")]
    private static partial Regex NimPattern();

    [GeneratedRegex("^[0-9.,]+E\\+?[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex Scientific();

    [GeneratedRegex("^(\\+62|62|0)[0-9]{8,13}$")]
    private static partial Regex Phone();

    [GeneratedRegex("[\\s\\-().]")]
    private static partial Regex PhoneSeparators();

    /// <summary>The NIM as stored: trimmed, upper case, or null when it is not a NIM.</summary>
    public static string? NormalizeNim(string? nim)
    {
        var n = (nim ?? "").Trim().ToUpperInvariant();
        return NimPattern().IsMatch(n) && n.Any(char.IsAsciiDigit) ? n : null;
    }

    public static (Student? Student, List<FieldError> Errors) Check(StudentInput input, IStringLocalizer T, string sumber, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var nimText = (input.Nim ?? "").Trim();
        var nim = NormalizeNim(nimText);
        if (nimText.Length == 0) errors.Add(new FieldError("nim", "wajib", T["NIM wajib diisi."]));
        else if (Scientific().IsMatch(nimText)) errors.Add(new FieldError("nim", "format", T["NIM tertulis sebagai angka ilmiah (mis. 2,02E+11). Format kolom NIM sebagai teks di spreadsheet, lalu ekspor lagi."]));
        else if (nim is null) errors.Add(new FieldError("nim", "format", T["NIM hanya boleh berisi angka (boleh dengan huruf, titik atau tanda hubung), 5–20 karakter."]));

        var nama = Clean(input.Nama);
        if (nama is null) errors.Add(new FieldError("nama", "wajib", T["Nama wajib diisi."]));
        else if (nama.Length > 200) errors.Add(new FieldError("nama", "panjang", T["Nama paling panjang 200 karakter."]));

        var prodi = Clean(input.Prodi);
        if (prodi is { Length: > 150 }) errors.Add(new FieldError("prodi", "panjang", T["Program studi paling panjang 150 karakter."]));

        int? semester = null;
        if (Clean(input.Semester) is { } s)
        {
            if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) errors.Add(new FieldError("semester", "format", T["Semester harus berupa angka 1 sampai 14."]));
            else if (value is < 1 or > 14) errors.Add(new FieldError("semester", "rentang", T["Semester harus antara 1 dan 14."]));
            else semester = value;
        }

        var status = Clean(input.Status)?.ToLowerInvariant();
        if (status is null) errors.Add(new FieldError("status", "wajib", T["Status wajib diisi: aktif, cuti, lulus atau keluar."]));
        else if (!StudentStatus.All.Contains(status)) errors.Add(new FieldError("status", "pilihan", T["Status harus salah satu dari aktif, cuti, lulus atau keluar."]));

        var email = Clean(input.Email);
        if (email is not null && (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal)))
            errors.Add(new FieldError("email", "format", T["Alamat e-mail tidak valid."]));

        var telepon = Clean(input.Telepon) is { } t ? PhoneSeparators().Replace(t, "") : null;
        if (telepon is not null && !Phone().IsMatch(telepon))
            errors.Add(new FieldError("telepon", "format", T["Nomor telepon tidak valid; tulis seperti 081234567890 atau +6281234567890."]));

        if (errors.Count > 0) return (null, errors);
        return (new Student
        {
            Nim = nim!, Nama = nama!, Prodi = prodi, Semester = semester, Status = status!, Email = email, Telepon = telepon,
            DiperbaruiPada = now, Sumber = sumber,
        }, errors);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
