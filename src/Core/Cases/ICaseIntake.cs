using System.Data.Common;

namespace CampusKonseling.Cases;

/// <summary>Where a case comes from.</summary>
public static class CaseSources
{
    public const string Formulir = "formulir", Staf = "staf", Rujukan = "rujukan", Api = "api";
}

/// <summary>
/// Who asks for help and through what, as known when a case opens. <see cref="Uraian"/> is the
/// person's own account of their problem: counseling-tier content, stored encrypted and shown only
/// to those who may read counseling notes. <see cref="Prodi"/> is the study programme as known at opening; when
/// it is not given, the case takes it from the student directory by NIM (when the campus has one).
/// </summary>
public sealed record CaseOpening(
    string Sumber, string Nama, string? Email = null, string? Telepon = null, string? Nim = null, string? JenisKlien = null,
    string? Saluran = null, string? Bidang = null, string? WaktuDiinginkan = null, string? Uraian = null,
    string? KodePelacakan = null, Guid? SopInstanceId = null, string? SopKode = null, string? PenggunaId = null, string? Perujuk = null,
    string? Prodi = null);

/// <summary>Opens a case in the caller's transaction (intake, the API, a referral).</summary>
public interface ICaseIntake
{
    Task<(Guid Id, string Nomor)> OpenAsync(CaseOpening opening, DbTransaction transaction, CancellationToken ct = default);
}
