using System.Text.Json;
using CampusKonseling.Recipes;
using CampusKonseling.Site.Data;

namespace CampusKonseling.Site.Settings;

/// <summary>
/// <c>{ "name": "settings", "campusName": "…", "unitName": "…", "logoUrl": "…", "primaryColor": "#1d4e89",
/// "accentColor": "#f2a900", "timeZone": "Asia/Jakarta", "workingDays": ["senin", …], "workingHours": { "start": "08:00", "end": "16:00" },
/// "embedOrigins": ["https://www.kampus.ac.id"], "holidays": [{ "date": "2026-12-25", "name": "Hari Natal" }] }</c>.
/// Properties left out keep their current value; a list given replaces the whole list.
/// </summary>
public sealed class SettingsStep : IRecipeStep
{
    public string Name => "settings";

    public void Validate(RecipeStepContext step)
    {
        var s = step.Step;
        step.AllowOnly("campusName", "unitName", "logoUrl", "primaryColor", "accentColor", "timeZone", "workingDays", "workingHours", "embedOrigins", "holidays");
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
        if (s.TryGetProperty("holidays", out var holidays))
        {
            if (holidays.ValueKind != JsonValueKind.Array)
                step.Error("holidays", "harus berupa daftar hari libur, mis. [{ \"date\": \"2026-12-25\", \"name\": \"Hari Natal\" }]");
            else if (holidays.GetArrayLength() > SettingsRules.MaxHolidays)
                step.Error("holidays", $"paling banyak {SettingsRules.MaxHolidays} hari libur; hapus tahun-tahun yang sudah lewat");
            else ValidateHolidays(step, holidays);
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
        if (s.TryGetProperty("holidays", out var holidays))
            record.HariLibur = HariLiburJson.Write(holidays.EnumerateArray()
                .Select(h => new HariLibur(SettingsRules.Date(h.OptionalString("date"))!.Value, NullIfBlank(h.OptionalString("name")))));
        if (s.TryGetProperty("workingHours", out var hours))
        {
            record.WorkStart = ParseTime(hours, "start")!.Value;
            record.WorkEnd = ParseTime(hours, "end")!.Value;
        }
        await db.SaveChangesAsync(ct);
    }

    private static readonly string[] HolidayKeys = ["date", "name"];

    private static void ValidateHolidays(RecipeStepContext step, JsonElement holidays)
    {
        var seen = new Dictionary<DateOnly, int>();
        var i = 0;
        foreach (var h in holidays.EnumerateArray())
        {
            var at = $"holidays[{i}]";
            if (h.ValueKind != JsonValueKind.Object)
            {
                step.Error(at, "harus berupa { \"date\": \"2026-12-25\", \"name\": \"Hari Natal\" }");
                i++;
                continue;
            }
            // A misspelt key would otherwise drop the holiday's name without a word.
            foreach (var p in h.EnumerateObject().Where(p => !HolidayKeys.Contains(p.Name)))
                step.Error($"{at}.{p.Name}", $"kunci '{p.Name}' tidak dikenal; hari libur hanya memiliki 'date' dan 'name'");
            if (SettingsRules.Date(h.OptionalString("date")) is not { } date)
                step.Error($"{at}.date", "tanggal wajib diisi dengan bentuk tahun-bulan-tanggal, mis. \"2026-12-25\"");
            else if (seen.TryGetValue(date, out var first))
                step.Error($"{at}.date", $"tanggal {date:yyyy-MM-dd} sudah tercantum pada holidays[{first}]");
            else seen[date] = i;
            if (h.TryGetProperty("name", out var name) && name.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                step.Error($"{at}.name", "nama hari libur harus berupa teks");
            else if (h.OptionalString("name")?.Trim().Length > SettingsRules.MaxHolidayName)
                step.Error($"{at}.name", $"nama hari libur paling panjang {SettingsRules.MaxHolidayName} karakter");
            i++;
        }
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static TimeOnly? ParseTime(JsonElement hours, string property) =>
        hours.OptionalString(property) is { } text && TimeOnly.TryParseExact(text, "HH:mm", out var t) ? t : null;
}
