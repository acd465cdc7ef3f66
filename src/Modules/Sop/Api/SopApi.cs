using CampusKonseling.Security;
using CampusKonseling.Site;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Sop.Waktu;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Sop.Api;

/// <summary>Read-only SOP API: definitions are public documents; instances need the ViewSop permission.</summary>
public static class SopApi
{
    /// <summary>
    /// MenitKerja: the standard's length in minutes of working time (clock minutes for SOPs that run around the clock and for
    /// "x 24 jam" standards, then <c>Kalender</c> is true). Arah: setelah, sebelum or pada the event <c>Acuan</c> (the step's instance date).
    /// </summary>
    public sealed record WaktuDto(string Teks, int? Jumlah, string? Satuan, string? Setelah, string? DihitungDari, double? MenitKerja,
        string Arah = "setelah", string? Acuan = null, bool Kalender = false);
    /// <param name="Aksi">The work the step carries (surat, disposisi, jadwal, pesan…), as the recipe declares it.</param>
    /// <param name="Otomatis">formulir, pesan or waktu when the system does the step.</param>
    public sealed record LangkahDto(string Id, string No, string Jenis, string Uraian, IReadOnlyList<string> Pelaksana,
        IReadOnlyList<string> Kelengkapan, WaktuDto? Waktu, string? Output, string? Ket, IReadOnlyList<string> Lanjut, IReadOnlyList<Pilihan> Pilihan, bool Opsional,
        IReadOnlyList<Aksi>? Aksi = null, string? Otomatis = null, IReadOnlyList<string>? Masuk = null, string? TidakSebelum = null);
    public sealed record SopDto(Guid Id, string Kode, string Judul, string? Unit, int Versi, IReadOnlyList<Pelaksana> Pelaksana, IReadOnlyList<LangkahDto> Langkah);
    public sealed record SopSummaryDto(Guid Id, string Kode, string Judul, int Versi);
    public sealed record InstanceDto(Guid Id, string Kode, int Versi, string Subjek, string Status, DateTimeOffset DimulaiPada, DateTimeOffset? SelesaiPada,
        string LangkahAktif, DateTimeOffset? JatuhTempo, bool Terlambat);
    public sealed record StartRequest(string? Subjek);
    public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

    public static IEndpointRouteBuilder MapSopApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/sop").WithTags("SOP");
        api.MapGet("", ListAsync).WithName("ListSop").WithSummary("Daftar SOP kampus (versi aktif)");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetSop").WithSummary("Satu SOP dengan langkah, pelaksana, kelengkapan, waktu dan output");
        api.MapGet("/{id:guid}/instans", InstancesAsync).WithName("ListSopInstances").WithSummary("Instans SOP, terbaru lebih dulu")
            .RequirePermission(Permissions.ViewSop);
        api.MapPost("/{id:guid}/instans", StartAsync).WithName("StartSopInstance").WithSummary("Memulai instans baru pada versi aktif SOP")
            .RequirePermission(Permissions.StartSop);
        api.MapGet("/instans/{id:guid}", InstanceAsync).WithName("GetSopInstance").WithSummary("Satu instans dengan langkah aktif dan jatuh temponya")
            .RequirePermission(Permissions.ViewSop);
        return endpoints;
    }

    private static async Task<Ok<List<SopSummaryDto>>> ListAsync(SopDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Definitions.AsNoTracking().OrderBy(d => d.Kode).Select(d => new SopSummaryDto(d.Id, d.Kode, d.Judul, d.VersiAktif)).ToListAsync(ct));

    private static async Task<Results<Ok<SopDto>, ProblemHttpResult>> GetAsync(Guid id, int? versi, SopCatalog catalog, ISiteSettings settings, IStringLocalizer<S> T, CancellationToken ct)
    {
        var found = await catalog.FindAsync(id, versi, ct);
        if (found is null) return TypedResults.Problem(statusCode: 404, title: T["SOP tidak ditemukan."]);
        var (definition, version, sop) = found.Value;
        var calendar = sop.JamKerja ? new WorkingCalendar(await settings.GetAsync(ct)) : null;
        return TypedResults.Ok(new SopDto(definition.Id, sop.Kode, sop.Judul, sop.Unit, version.Versi, sop.Pelaksana, sop.Langkah.Select(l => ToDto(l, calendar)).ToList()));
    }

    private static async Task<Results<Ok<Paged<InstanceDto>>, ProblemHttpResult>> InstancesAsync(Guid id, SopDb db, IStringLocalizer<S> T,
        int page = 1, int pageSize = 50, string? status = null, bool? terlambat = null, CancellationToken ct = default)
    {
        if (page < 1 || pageSize is < 1 or > 200)
            return TypedResults.Problem(statusCode: 400, title: T["Parameter halaman tidak valid."], detail: T["page minimal 1; pageSize antara 1 dan 200."]);
        var query = db.Instances.AsNoTracking().Where(i => i.DefinitionId == id);
        if (status is not null)
        {
            if (!Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var s))
                return TypedResults.Problem(statusCode: 400, title: T["Status tidak dikenal."], detail: T["Gunakan berjalan, selesai atau dibatalkan."]);
            query = query.Where(i => i.Status == s);
        }
        if (terlambat is not null) query = query.Where(i => i.Terlambat == terlambat);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(i => i.DimulaiPada).ThenByDescending(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(i => new InstanceDto(i.Id, i.Kode, i.Versi, i.Subjek, i.Status.ToString(), i.DimulaiPada, i.SelesaiPada, i.LangkahAktif, i.JatuhTempo, i.Terlambat))
            .ToListAsync(ct);
        return TypedResults.Ok(new Paged<InstanceDto>(items, page, pageSize, total));
    }

    private static async Task<Results<Created<InstanceDto>, ValidationProblem, ProblemHttpResult>> StartAsync(Guid id, StartRequest request, HttpContext http, SopRuntime runtime, IStringLocalizer<S> T, CancellationToken ct)
    {
        if (request.Subjek is { Length: > 300 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subjek"] = [T["Subjek paling panjang 300 karakter."]] }, title: T["Permintaan tidak valid."]);
        var result = await runtime.StartAsync(id, SopRuntime.ActorOf(http.User), request.Subjek ?? "", null, ct);
        if (!result.Succeeded) return TypedResults.Problem(statusCode: 404, title: result.Error);
        var i = result.Instance!;
        var dto = new InstanceDto(i.Id, i.Kode, i.Versi, i.Subjek, i.Status.ToString(), i.DimulaiPada, i.SelesaiPada,
            string.Join(", ", i.Aktif.Select(a => a.StepId)), i.Aktif.Select(a => a.JatuhTempo).Min(), false);
        return TypedResults.Created($"{http.Request.PathBase}/api/v1/sop/instans/{i.Id}", dto);
    }

    private static async Task<Results<Ok<InstanceDto>, ProblemHttpResult>> InstanceAsync(Guid id, SopDb db, IStringLocalizer<S> T, CancellationToken ct)
    {
        var i = await db.Instances.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return i is null
            ? TypedResults.Problem(statusCode: 404, title: T["Instans SOP tidak ditemukan."])
            : TypedResults.Ok(new InstanceDto(i.Id, i.Kode, i.Versi, i.Subjek, i.Status.ToString(), i.DimulaiPada, i.SelesaiPada, i.LangkahAktif, i.JatuhTempo, i.Terlambat));
    }

    private static LangkahDto ToDto(Langkah l, WorkingCalendar? calendar)
    {
        WaktuParser.TryParse(l.Waktu, out var w, out _);
        var waktu = w is null ? null : new WaktuDto(w.Teks, w.Jumlah, w.Satuan?.ToString().ToLowerInvariant(), w.Setelah, l.DihitungDari,
            !w.HasDuration ? null : (calendar?.Length(w, jamKerja: true) ?? WorkingCalendar.ClockLength(w)).TotalMinutes,
            w.Arah.ToString().ToLowerInvariant(), l.Acuan ?? w.Acuan, w.Kalender);
        return new LangkahDto(l.Id, l.Label, l.Jenis.ToString().ToLowerInvariant(), l.Uraian, l.Pelaksana, l.Kelengkapan, waktu, l.Output, l.Ket, l.Lanjut, l.Pilihan, l.Opsional,
            l.Aksi, l.Otomatis?.ToString().ToLowerInvariant(), l.Masuk, l.TidakSebelum);
    }
}
