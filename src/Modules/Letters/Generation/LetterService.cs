using System.Data.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using CampusKonseling.Audit;
using CampusKonseling.Documents;
using CampusKonseling.Letters.Data;
using CampusKonseling.Letters.Numbering;
using CampusKonseling.Letters.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampusKonseling.Letters.Generation;

/// <summary>
/// Makes letters: the next number of the template's year is taken from its counter row inside the same
/// transaction that stores the PDF, so concurrent requests wait for each other and numbers have no gaps.
/// </summary>
public sealed class LetterService(
    LettersDb db, Letterhead letterhead, Signing.Signer signer, TimeProvider clock, IServiceProvider services, IHttpContextAccessor http) : ILetterService
{
    public async Task<IReadOnlyList<(string Kode, string Judul)>> TemplatesAsync(CancellationToken ct = default) =>
        (await db.Templates.AsNoTracking().OrderBy(t => t.Judul).Select(t => new { t.Kode, t.Judul }).ToListAsync(ct))
            .Select(t => (t.Kode, t.Judul)).ToList();

    public Task<int> DestroyOwnerAsync(string pemilikJenis, string pemilikId, CancellationToken ct = default) =>
        db.Letters.Where(l => l.PemilikJenis == pemilikJenis && l.PemilikId == pemilikId).ExecuteDeleteAsync(ct);

    public async Task<IReadOnlyList<string>> PlaceholdersAsync(string templat, CancellationToken ct = default)
    {
        if (await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Kode == templat, ct) is not { } t) return [];
        string[] filled = ["nomor", "tanggal", "kampus", "unit"];
        return new[] { t.Perihal, t.Kepada, t.Isi, t.TtdJabatan, t.TtdNama, t.TtdNip, t.TtdTempat }
            .SelectMany(Templates.Markup.Names).Distinct().Where(n => !filled.Contains(n)).ToList();
    }

    public async Task<IReadOnlyList<string>> RequiredAsync(string templat, CancellationToken ct = default) =>
        await db.Templates.AsNoTracking().Where(t => t.Kode == templat).Select(t => t.Wajib).FirstOrDefaultAsync(ct) ?? [];

    public async Task<IReadOnlyDictionary<string, string>> SignerAsync(string templat, ClaimsPrincipal? user, CancellationToken ct = default) =>
        await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Kode == templat, ct) is { } t
            ? await signer.ValuesAsync(t, user ?? http.HttpContext?.User, ct) : new Dictionary<string, string>();

    public async Task<IReadOnlyDictionary<string, string>> ValuesAsync(Guid letterId, CancellationToken ct = default)
    {
        var json = await db.Letters.AsNoTracking().Where(l => l.Id == letterId).Select(l => l.Nilai).FirstOrDefaultAsync(ct);
        return json is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
    }

    public async Task<GeneratedLetter> GenerateAsync(LetterRequest request, Guid? versiDari = null, CancellationToken ct = default)
    {
        // The signature is the signer's, from their profile, unless the request says otherwise.
        if (LetterFields.Signer.Any(f => string.IsNullOrWhiteSpace(request.Nilai.GetValueOrDefault(f))))
        {
            var values = new Dictionary<string, string>(await SignerAsync(request.Templat, http.HttpContext?.User, ct));
            foreach (var (k, v) in request.Nilai) if (!string.IsNullOrWhiteSpace(v) || !values.ContainsKey(k)) values[k] = v;
            request = request with { Nilai = values };
        }
        PdfSetup.Ensure();
        var (kop, kota, zone) = await letterhead.GetAsync(ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var by = Who();

        Letter letter;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Kode == request.Templat, ct)
                ?? throw new InvalidOperationException($"Templat surat '{request.Templat}' tidak ada.");
            var number = versiDari is { } earlier
                ? await NextVersionAsync(tx, earlier, template, request, ct)
                : await NewNumberAsync(tx, template, today, now, ct);
            var content = LetterComposer.Compose(template, kop, kota, number.Nomor, number.VersiTerakhir, today, request.Nilai);
            var pdf = PdfLetter.Render(content);
            letter = new Letter
            {
                Id = Guid.NewGuid(), NomorId = number.Id, Versi = number.VersiTerakhir, TemplatKode = template.Kode, Judul = template.Judul,
                Nomor = number.Nomor, PemilikJenis = request.PemilikJenis, PemilikId = request.PemilikId,
                Nilai = JsonSerializer.Serialize(request.Nilai), IsianKosong = [.. content.Kosong],
                Pdf = pdf, Html = HtmlLetter.Render(content), Hash = Convert.ToHexStringLower(SHA256.HashData(pdf)),
                DibuatPada = now, DibuatOleh = by,
            };
            db.Letters.Add(letter);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        // The audit module is optional; when it is there, every generated document is on its log (never its content).
        if (services.GetService<IAuditLog>() is { } audit)
            await audit.RecordAsync(new AuditEvent(AuditKinds.Dokumen, "surat", letter.Id.ToString(), $"Surat {letter.Nomor} v{letter.Versi} dibuat"), ct);
        return ToGenerated(letter);
    }

    private async Task<LetterNumber> NewNumberAsync(IDbContextTransaction tx, LetterTemplate template, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var seq = await ScalarAsync(tx, """
            INSERT INTO letters.counters (templat_id, tahun, urut) VALUES (@t, @y, 1)
            ON CONFLICT (templat_id, tahun) DO UPDATE SET urut = counters.urut + 1
            RETURNING urut
            """, ct, ("t", template.Id), ("y", today.Year));
        var number = new LetterNumber
        {
            Id = Guid.NewGuid(), TemplatId = template.Id, Tahun = today.Year, Urut = seq,
            Nomor = NumberPattern.Render(template.PolaNomor, seq, today), VersiTerakhir = 1, DibuatPada = now,
        };
        db.Numbers.Add(number);
        return number;
    }

    /// <summary>Locks the earlier letter's number row, so two re-generations at once get versions n+1 and n+2.</summary>
    private async Task<LetterNumber> NextVersionAsync(IDbContextTransaction tx, Guid earlier, LetterTemplate template, LetterRequest request, CancellationToken ct)
    {
        var previous = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == earlier, ct)
            ?? throw new InvalidOperationException($"Surat {earlier} tidak ada.");
        if (previous.TemplatKode != template.Kode || previous.PemilikJenis != request.PemilikJenis || previous.PemilikId != request.PemilikId)
            throw new InvalidOperationException($"Versi baru surat {previous.Nomor} harus memakai templat dan pemilik yang sama.");
        await ScalarAsync(tx, "UPDATE letters.numbers SET versi_terakhir = versi_terakhir + 1 WHERE id = @n RETURNING versi_terakhir", ct, ("n", previous.NomorId));
        return await db.Numbers.AsNoTracking().FirstAsync(n => n.Id == previous.NomorId, ct);
    }

    private async Task<int> ScalarAsync(IDbContextTransaction tx, string sql, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using DbCommand cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = tx.GetDbTransaction();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct));
    }

    public async Task<IReadOnlyList<GeneratedLetter>> OfOwnerAsync(string pemilikJenis, string pemilikId, CancellationToken ct = default) =>
        (await db.Letters.AsNoTracking().Where(l => l.PemilikJenis == pemilikJenis && l.PemilikId == pemilikId)
            .OrderBy(l => l.DibuatPada).ThenBy(l => l.Versi)
            .Select(l => new Letter
            {
                Id = l.Id, NomorId = l.NomorId, Versi = l.Versi, TemplatKode = l.TemplatKode, Judul = l.Judul, Nomor = l.Nomor,
                PemilikJenis = l.PemilikJenis, PemilikId = l.PemilikId, Nilai = "", IsianKosong = l.IsianKosong,
                Pdf = Array.Empty<byte>(), Html = "", Hash = l.Hash, DibuatPada = l.DibuatPada, DibuatOleh = l.DibuatOleh,
            }).ToListAsync(ct))
        .Select(ToGenerated).ToList();

    public async Task<LetterFile?> OpenAsync(Guid id, bool html = false, CancellationToken ct = default)
    {
        var name = await db.Letters.AsNoTracking().Where(l => l.Id == id).Select(l => new { l.TemplatKode, l.Nomor, l.Versi }).FirstOrDefaultAsync(ct);
        if (name is null) return null;
        var file = $"{name.TemplatKode}-{string.Concat(name.Nomor.Select(c => char.IsLetterOrDigit(c) ? c : '-'))}-v{name.Versi}";
        return html
            ? new LetterFile(file + ".html", "text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(await db.Letters.Where(l => l.Id == id).Select(l => l.Html).FirstAsync(ct)))
            : new LetterFile(file + ".pdf", "application/pdf", await db.Letters.Where(l => l.Id == id).Select(l => l.Pdf).FirstAsync(ct));
    }

    private static GeneratedLetter ToGenerated(Letter l) =>
        new(l.Id, l.TemplatKode, l.Judul, l.Nomor, l.Versi, l.Hash, l.DibuatPada, l.DibuatOleh) { IsianKosong = l.IsianKosong };

    private string Who()
    {
        var user = http.HttpContext?.User;
        return user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? "pengguna" : "sistem";
    }
}
