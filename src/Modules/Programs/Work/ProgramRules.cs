using System.Security.Cryptography;
using System.Text.Json;
using CampusKonseling.Programs.Data;

namespace CampusKonseling.Programs.Work;

/// <summary>An active SOP step as the program keeps it (who acts, when it is due), reported by the SOP engine.</summary>
public sealed record StepCopy(string StepId, string Label, string Uraian, IReadOnlyList<string> Peran, string? PenerimaTugas, DateTimeOffset? JatuhTempo, bool Terlambat);

public static class ProgramRules
{
    /// <summary>
    /// Where a program stands: the final states are stored; before that it is in registration while the
    /// registration window is open, running from its first session to its last, otherwise planned.
    /// </summary>
    public static string StatusOf(ProgramRow p, DateTimeOffset now)
    {
        if (p.Status is ProgramStatus.Selesai or ProgramStatus.Dibatalkan) return p.Status;
        if (p.Mulai is { } mulai && now >= mulai) return ProgramStatus.Berjalan;
        if (RegistrationOpen(p, now)) return ProgramStatus.Pendaftaran;
        return ProgramStatus.Rencana;
    }

    /// <summary>Registration takes names from its opening until its closing, and never after the program starts.</summary>
    public static bool RegistrationOpen(ProgramRow p, DateTimeOffset now) =>
        p.Status is not (ProgramStatus.Selesai or ProgramStatus.Dibatalkan)
        && (p.PendaftaranBuka is null || now >= p.PendaftaranBuka)
        && (p.PendaftaranTutup is null || now < p.PendaftaranTutup)
        && (p.Mulai is null || now < p.Mulai);

    public static IReadOnlyList<StepCopy> Steps(ProgramRow p) =>
        JsonSerializer.Deserialize<List<StepCopy>>(p.LangkahAktif, Json) ?? [];

    public static string Serialize(IEnumerable<StepCopy> steps) => JsonSerializer.Serialize(steps, Json);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A 128-bit secret for the participant's links and QR code (URL-safe).</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    /// <summary>Eight characters without look-alikes (0/O, 1/I/L), for typing in at the door.</summary>
    public static string NewCode()
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        return string.Create(8, alphabet, (span, a) => { for (var i = 0; i < span.Length; i++) span[i] = a[RandomNumberGenerator.GetInt32(a.Length)]; });
    }

    public static string NormalizeCode(string? code) => new((code ?? "").ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
}
