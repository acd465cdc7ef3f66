using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CampusKonseling.Documents;
using CampusKonseling.Letters.Generation;
using CampusKonseling.Letters.Templates;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Letters;

/// <summary>A UNIPMA campus (its recipe brings the letter templates) and letters made there on a fixed day.</summary>
public sealed class LetterCampus(PlatformFixture platform, TestTenant campus)
{
    /// <summary>21 November 2026, 10:00 in Madiun.</summary>
    public static readonly DateTimeOffset Hari = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    public TestTenant Campus { get; } = campus;
    public SopHarness Harness { get; } = new(platform, campus);

    public static async Task<LetterCampus> CreateAsync(PlatformFixture platform, string hint) =>
        new(platform, await platform.CreateTenantAsync("unipma", hint));

    public Task<T> WithLettersAsync<T>(Func<ILetterService, Task<T>> work, DateTimeOffset? at = null, RecordingAuditLog? audit = null) =>
        Harness.InCampusAsync(sp => work(audit is null
            ? ActivatorUtilities.CreateInstance<LetterService>(sp, new FixedClock(at ?? Hari))
            : ActivatorUtilities.CreateInstance<LetterService>(sp, new FixedClock(at ?? Hari), audit.Over(sp))));

    public Task<GeneratedLetter> GenerateAsync(string templat, string pemilik, IReadOnlyDictionary<string, string>? nilai = null, Guid? versiDari = null, DateTimeOffset? at = null) =>
        WithLettersAsync(s => s.GenerateAsync(new LetterRequest(templat, "kasus", pemilik, nilai ?? Siti), versiDari), at);

    public Task<int> SaveTemplateAsync(string kode, string pola, string isi = "Surat untuk {nama}.") => Harness.InCampusAsync(async sp =>
    {
        await sp.GetRequiredService<TemplateStore>().SaveAsync(new TemplateInput(kode, "Surat Uji", pola, null, null, isi, "Kepala P2KLLK", "Dr. Ratih Christiana, M.Pd.", null, null), "uji", default);
        return 0;
    });

    public static readonly IReadOnlyDictionary<string, string> Siti = new Dictionary<string, string>
    {
        ["nama"] = "Siti Rahmawati", ["nim"] = "2021150001", ["prodi"] = "Pendidikan Bahasa Inggris", ["konselor"] = "Drs. Bambang Sutejo",
    };

    /// <summary>The text drawn on the PDF's pages: every string shown by a text operator in its (inflated) content streams.</summary>
    public static string PdfText(byte[] pdf)
    {
        var raw = Encoding.Latin1.GetString(pdf);
        var text = new StringBuilder();
        foreach (Match m in Regex.Matches(raw, @"stream\r?\n"))
        {
            var start = m.Index + m.Length;
            var end = raw.IndexOf("endstream", start, StringComparison.Ordinal);
            if (end < 0) continue;
            var dict = raw[Math.Max(0, raw.LastIndexOf("<<", m.Index, StringComparison.Ordinal))..m.Index];
            var body = pdf.AsSpan(start, end - start).ToArray();
            string content;
            try
            {
                content = dict.Contains("/FlateDecode") ? Inflate(body) : Encoding.Latin1.GetString(body);
            }
            catch (InvalidDataException) { continue; }
            foreach (Match s in Regex.Matches(content, @"\(((?:[^()\\]|\\.)*)\)\s*Tj")) text.Append(s.Groups[1].Value.Replace("\\(", "(").Replace("\\)", ")")).Append(' ');
        }
        return Regex.Replace(text.ToString(), @"\s+", " ");
    }

    private static string Inflate(byte[] body)
    {
        using var z = new ZLibStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        z.CopyTo(output);
        return Encoding.Latin1.GetString(output.ToArray());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>Stands in for the Audit module (written in parallel): records what the letters module reports.</summary>
public sealed class RecordingAuditLog : CampusKonseling.Audit.IAuditLog
{
    public List<CampusKonseling.Audit.AuditEvent> Entries { get; } = [];

    public Task RecordAsync(CampusKonseling.Audit.AuditEvent entry, System.Data.Common.DbTransaction? transaction, CancellationToken ct = default)
    {
        lock (Entries) Entries.Add(entry);
        return Task.CompletedTask;
    }

    /// <summary>The campus's services, with this log as <see cref="CampusKonseling.Audit.IAuditLog"/>.</summary>
    public IServiceProvider Over(IServiceProvider services) => new Provider(services, this);

    private sealed class Provider(IServiceProvider inner, RecordingAuditLog log) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(CampusKonseling.Audit.IAuditLog) ? log : inner.GetService(serviceType);
    }
}
