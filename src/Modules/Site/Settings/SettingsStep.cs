using System.Text.Json;
using CampusKonseling.Recipes;
using CampusKonseling.Site.Data;

namespace CampusKonseling.Site.Settings;

/// <summary>
/// <c>{ "name": "settings", "campusName": "…", "unitName": "…", "logoUrl": "…", "primaryColor": "#1d4e89",
/// "accentColor": "#f2a900", "timeZone": "Asia/Jakarta", "workingDays": ["senin", …], "workingHours": { "start": "08:00", "end": "16:00" },
/// "embedOrigins": ["https://www.kampus.ac.id"] }</c>.
/// Properties left out keep their current value.
/// </summary>
public sealed class SettingsStep : IRecipeStep
{
    public string Name => "settings";

    public void Validate(RecipeStepContext step)
    {
        var s = step.Step;
        step.AllowOnly("campusName", "unitName", "logoUrl", "primaryColor", "accentColor", "timeZone", "workingDays", "workingHours", "embedOrigins");
        if (s.TryGetProperty("campusName", out var name) && (name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString())))
            step.Error("campusName", "nama kampus tidak boleh kosong");
        foreach (var color in new[] { "primaryColor", "accentColor" })
        {
            if (s.OptionalString(color) is { } c && !SettingsRules.Color().IsMatch(c))
                step.Error(color, $"warna '{c}' harus berbentuk #rrggbb");
        }
        if (s.OptionalString("timeZone") is { } tz && !SettingsRules.IsTimeZone(tz))
            step.Error("timeZone", $"zona waktu '{tz}' tidak dikenal (contoh: Asia/Jakarta, Asia/Makassar, Asia/Jayapura)");
        if (!SettingsRules.IsLogoUrl(s.OptionalString("logoUrl")))
            step.Error("logoUrl", "alamat logo harus URL http(s) atau jalur yang diawali '/'");
        if (s.TryGetProperty("workingDays", out var days))
        {
            if (days.ValueKind != JsonValueKind.Array) step.Error("workingDays", "harus berupa daftar nama hari (senin … minggu)");
            else
            {
                var i = 0;
                foreach (var d in days.EnumerateArray())
                {
                    if (d.ValueKind != JsonValueKind.String || !SettingsRules.DayNames.ContainsKey(d.GetString()!))
                        step.Error($"workingDays[{i}]", $"'{d}' bukan nama hari (senin, selasa, rabu, kamis, jumat, sabtu, minggu)");
                    i++;
                }
            }
        }
        if (s.TryGetProperty("embedOrigins", out var origins))
        {
            if (origins.ValueKind != JsonValueKind.Array) step.Error("embedOrigins", "harus berupa daftar alamat situs, mis. [\"https://www.kampus.ac.id\"]");
            else
            {
                var i = 0;
                foreach (var o in origins.EnumerateArray())
                {
                    if (o.ValueKind != JsonValueKind.String || SettingsRules.Origin(o.GetString()!) is null)
                        step.Error($"embedOrigins[{i}]", $"'{o}' bukan alamat situs (https://nama-situs[:port], tanpa jalur)");
                    i++;
                }
            }
        }
        if (s.TryGetProperty("workingHours", out var hours))
        {
            step.AllowOnly(hours, "workingHours", "start", "end");
            var start = ParseTime(hours, "start");
            var end = ParseTime(hours, "end");
            if (start is null) step.Error("workingHours.start", "jam mulai harus berbentuk HH:mm");
            if (end is null) step.Error("workingHours.end", "jam selesai harus berbentuk HH:mm");
            if (start is not null && end is not null && end <= start) step.Error("workingHours.end", "jam selesai harus setelah jam mulai");
        }
    }

    public async Task ExecuteAsync(RecipeStepContext step, CancellationToken ct)
    {
        var db = step.Services.GetRequiredService<SiteDb>();
        await step.EnlistAsync(db);
        var s = step.Step;
        var record = await db.Settings.FindAsync([SettingsRecord.SingletonId], ct);
        if (record is null) db.Settings.Add(record = new SettingsRecord());
        if (s.OptionalString("campusName") is { } name) record.CampusName = name;
        if (s.TryGetProperty("unitName", out _)) record.UnitName = s.OptionalString("unitName");
        if (s.TryGetProperty("logoUrl", out _)) record.LogoUrl = s.OptionalString("logoUrl");
        if (s.OptionalString("primaryColor") is { } primary) record.PrimaryColor = primary;
        if (s.OptionalString("accentColor") is { } accent) record.AccentColor = accent;
        if (s.OptionalString("timeZone") is { } tz) record.TimeZone = tz;
        if (s.TryGetProperty("workingDays", out var days))
            record.WorkingDays = days.EnumerateArray().Select(d => (int)SettingsRules.DayNames[d.GetString()!]).Distinct().Order().ToArray();
        if (s.TryGetProperty("embedOrigins", out var origins))
            record.AsalSematan = origins.EnumerateArray().Select(o => SettingsRules.Origin(o.GetString()!)!).Distinct().ToArray();
        if (s.TryGetProperty("workingHours", out var hours))
        {
            record.WorkStart = ParseTime(hours, "start")!.Value;
            record.WorkEnd = ParseTime(hours, "end")!.Value;
        }
        await db.SaveChangesAsync(ct);
    }

    private static TimeOnly? ParseTime(JsonElement hours, string property) =>
        hours.OptionalString(property) is { } text && TimeOnly.TryParseExact(text, "HH:mm", out var t) ? t : null;
}
