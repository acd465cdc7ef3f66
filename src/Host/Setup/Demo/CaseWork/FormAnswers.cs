using CampusKonseling.Forms.Definitions;
using CampusKonseling.Host.Setup.Demo.Texts;
using CampusKonseling.Users;

namespace CampusKonseling.Host.Setup.Demo.CaseWork;

/// <summary>A form filled in as the client would fill it: their identity, their own words, and a choice for each question.</summary>
public static class FormAnswers
{
    private static readonly string[] Provinsi = ["Jawa Barat", "Jawa Tengah", "Jawa Timur", "Sumatera Utara", "Sulawesi Selatan", "Kalimantan Timur", "Nusa Tenggara Barat", "Papua", "Bali", "Riau"];
    private static readonly string[] Romawi = ["I", "II", "III", "IV"];

    public static Dictionary<string, string[]> For(FormDefinition form, Person client, string problem, string bidang, DateTimeOffset at, Campus campus, Random rng)
    {
        var values = new Dictionary<string, string[]>();
        foreach (var f in form.Isian.Where(f => JenisIsian.TakesAnswer(f.Jenis)))
        {
            var value = f.Petakan switch
            {
                Petakan.Nama => client.Nama,
                Petakan.Email => client.Email,
                Petakan.Telepon => client.Telepon,
                Petakan.Masalah => problem,
                Petakan.Prodi => client.Prodi,
                Petakan.Nim => client.Nim,
                _ => null,
            } ?? f.Jenis switch
            {
                JenisIsian.Email => client.Email,
                JenisIsian.Telepon => client.Telepon,
                JenisIsian.Nim => client.Nim,
                JenisIsian.TeksPanjang => problem,
                JenisIsian.Persetujuan => "ya",
                JenisIsian.Tanggal => DateOnly.FromDateTime(campus.Local(at)).AddDays(rng.Next(2, 10)).ToString("yyyy-MM-dd"),
                JenisIsian.Angka => ((int)Math.Clamp(at.Year - rng.Next(0, 4), (double)(f.Min ?? 0), (double)(f.Maks ?? 9999))).ToString(),
                JenisIsian.Pilihan => Choice(f, client, bidang, rng),
                JenisIsian.PilihanGanda => f.Pilihan.Count == 0 ? null : rng.Pick(f.Pilihan),
                JenisIsian.Teks => f.Id.Contains("prodi") ? client.Prodi : f.Id.Contains("kontingen") ? rng.Pick(Provinsi) : client.Prodi,
                _ => null,
            };
            if (value is not null) values[f.Id] = [value];
        }
        return values;
    }

    private static string? Choice(Isian f, Person client, string bidang, Random rng)
    {
        if (f.Pilihan.Count == 0) return null;
        if (f.Petakan == Petakan.Bidang)
            return f.Pilihan.FirstOrDefault(p => Problems.Nearest(p) == bidang) ?? rng.Pick(f.Pilihan);
        if (f.Pilihan.Contains("Alumni"))
            return client.Status == StudentStatus.Lulus ? "Alumni" : f.Pilihan.First(p => p != "Alumni");
        if (f.Pilihan.SequenceEqual(Romawi))
            return Romawi[Math.Clamp((client.Semester - 1) / 2, 0, 3)];
        return rng.Pick(f.Pilihan);
    }
}
