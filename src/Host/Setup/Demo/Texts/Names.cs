namespace CampusKonseling.Host.Setup.Demo.Texts;

/// <summary>
/// Plausible Indonesian names put together at random: the people of the demo semester are fictitious, and so are their
/// NIMs (<see cref="NimPrefix"/>), phone numbers (0812-0000-…) and e-mail addresses (…@contoh.example).
/// </summary>
public static class Names
{
    /// <summary>Every demo NIM starts so: no campus issues NIMs beginning with 99.</summary>
    public const string NimPrefix = "99";

    public static readonly string[] Perempuan =
    [
        "Anisa", "Aulia", "Ayu", "Bunga", "Citra", "Dewi", "Dian", "Dinda", "Eka", "Fitri", "Galuh", "Hana", "Indah", "Intan", "Kartika",
        "Laras", "Lestari", "Maya", "Mega", "Nabila", "Nadia", "Nur", "Putri", "Rahma", "Ratna", "Rina", "Salsabila", "Sekar", "Sinta",
        "Siti", "Tiara", "Utami", "Vina", "Wulan", "Yuni", "Zahra", "Amelia", "Febri", "Kirana", "Nirmala",
    ];

    public static readonly string[] LakiLaki =
    [
        "Adi", "Agung", "Arif", "Bagas", "Bayu", "Budi", "Dimas", "Dwi", "Eko", "Fajar", "Fikri", "Gilang", "Hendra", "Ilham", "Irfan",
        "Joko", "Kevin", "Lukman", "Muhammad", "Nanda", "Oki", "Panji", "Rizal", "Rizky", "Satria", "Taufik", "Teguh", "Wahyu", "Yoga",
        "Yusuf", "Zaki", "Aditya", "Bima", "Danu", "Galih", "Hafiz", "Raka", "Reza", "Surya", "Tegar",
    ];

    public static readonly string[] Tengah =
    [
        "Putra", "Putri", "Nur", "Dwi", "Tri", "Eka", "Adi", "Sri", "Ayu", "Indra", "Maulana", "Rahmat", "Aulia", "Dewi", "Bayu",
    ];

    public static readonly string[] Belakang =
    [
        "Pratama", "Saputra", "Wibowo", "Santoso", "Hidayat", "Nugroho", "Kurniawan", "Setiawan", "Wijaya", "Susanto", "Rahmawati",
        "Lestari", "Handayani", "Permatasari", "Anggraini", "Safitri", "Maharani", "Puspitasari", "Utomo", "Firmansyah", "Ramadhan",
        "Hakim", "Siregar", "Nasution", "Harahap", "Simanjuntak", "Manurung", "Sitompul", "Pohan", "Tanjung", "Kusuma", "Purnama",
        "Sembiring", "Ginting", "Tarigan", "Pangaribuan", "Syahputra", "Fauzi", "Hasibuan", "Lubis", "Rangkuti", "Suryadi",
        "Wardhani", "Prasetyo", "Hartono", "Gunawan", "Halim", "Sinaga", "Matondang", "Akbar",
    ];

    /// <summary>Staff titles as campuses print them after a name.</summary>
    public static readonly string[] GelarKonselor = ["M.Psi., Psikolog", "S.Psi., M.Pd.", "M.Pd., Kons.", "S.Pd., M.Pd.", "M.Psi."];

    public static string Person(Random rng, bool perempuan)
    {
        var first = rng.Pick(perempuan ? Perempuan : LakiLaki);
        return rng.Next(3) switch
        {
            0 => $"{first} {rng.Pick(Belakang)}",
            1 => $"{first} {rng.Pick(Tengah)} {rng.Pick(Belakang)}",
            _ => $"{first} {rng.Pick(Belakang)}",
        };
    }

    public static string Email(string nama, int n) =>
        $"{string.Join('.', nama.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2))}{n % 100:00}@{DemoMail.Domain}";

    public static string Phone(int n) => $"08120000{n % 10000:0000}";
}
