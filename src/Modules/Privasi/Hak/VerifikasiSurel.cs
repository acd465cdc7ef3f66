using System.Security.Cryptography;
using System.Text;
using CampusKonseling.Notifications;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi.Hak;

/// <summary>
/// Proof of an e-mail address for people without an account (a public form's sender): a link with a random token is sent to
/// the address; whoever opens it acts for that address for a week — asks, reads the answers, downloads the copy. Only the
/// token's hash is kept; a few links per address per hour at most.
/// </summary>
public sealed class VerifikasiSurel(PrivasiDb db, IOutbox outbox, PublicLinks links, ISiteSettings site, CampusClock campusClock, TimeProvider clock, IStringLocalizer<S> T)
{
    public static readonly TimeSpan Berlaku = TimeSpan.FromDays(7);
    public const int MaksPerJam = 3;

    /// <summary>Sends a link to the address; the refusal in Indonesian when the address is not one or asked too often.</summary>
    public async Task<string?> KirimAsync(string? email, CancellationToken ct)
    {
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var a) || a.Address != email)
            return T["Tuliskan alamat e-mail yang Anda pakai saat mengisi formulir, mis. nama@contoh.ac.id."];
        var now = clock.GetUtcNow();
        var lower = email.ToLowerInvariant();
        if (links.Base is null) return T["Tautan belum dapat dikirim: alamat publik situs ini belum diatur. Hubungi unit layanan."];
        if (await db.Verifikasi.CountAsync(v => v.Email == lower && v.Tujuan == TujuanTautan && v.DibuatPada > now.AddHours(-1), ct) >= MaksPerJam)
            return T["Tautan untuk alamat ini sudah dikirim beberapa kali dalam satu jam terakhir. Periksa kotak masuk (dan folder spam), atau coba lagi nanti."];
        await SendAsync(lower, TujuanTautan, T["Tautan untuk permintaan data pribadi"], T["Buka tautan berikut untuk mengajukan atau melihat permintaan atas data pribadi Anda. Tautan berlaku 7 hari dan hanya untuk alamat ini. Bila Anda tidak memintanya, abaikan e-mail ini."], now, ct);
        return null;
    }

    /// <summary>Tells an address without an account that its request was answered, with a fresh link to read it.</summary>
    public async Task KirimJawabanAsync(PermintaanRow row, CancellationToken ct)
    {
        if (links.Base is null) return;
        // Written while staff answer, read by the person: in Indonesian, not in the staff member's language.
        using var indonesia = CampusKonseling.Modules.CultureScope.Use(CampusKonseling.Modules.CultureScope.Of(null));
        await SendAsync(row.Email.ToLowerInvariant(), TujuanJawaban, T["Permintaan {0} sudah dijawab", row.Nomor],
            T["Unit layanan sudah menjawab permintaan {0} atas data pribadi Anda. Buka tautan berikut untuk membacanya (berlaku 7 hari).", row.Nomor], clock.GetUtcNow(), ct);
    }

    /// <summary>The address a link proves and until when, while it is valid; null otherwise.</summary>
    public async Task<(string Email, DateTimeOffset Sampai)?> BuktiAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var row = await db.Verifikasi.AsNoTracking().FirstOrDefaultAsync(v => v.TokenHash == hash && v.BerlakuSampai > now, ct);
        return row is null ? null : (row.Email, row.BerlakuSampai);
    }

    private const string TujuanTautan = "tautan", TujuanJawaban = "jawaban";

    private async Task SendAsync(string email, string tujuan, string subject, string intro, DateTimeOffset now, CancellationToken ct)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.Verifikasi.Add(new VerifikasiRow { Id = Guid.CreateVersion7(now), Email = email, Tujuan = tujuan, TokenHash = Hash(token), DibuatPada = now, BerlakuSampai = now + Berlaku });
        await db.SaveChangesAsync(ct);
        var campus = await site.GetAsync(ct);
        var url = $"{links.Base}/data-pribadi-saya/surel/{token}";
        var until = (await campusClock.GetAsync(ct)).Format(now + Berlaku);
        var body = string.Join("\n", T["Yth. pemilik alamat {0},", email].Value, "", intro, "", url, "", T["Berlaku sampai {0}.", until].Value, "", campus.UnitName ?? campus.CampusName);
        await outbox.EnqueueAsync(new EmailMessage(email, $"[{campus.CampusName}] {subject}", body), null, ct);
        outbox.Wake();
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
