using CampusKonseling.Privasi.Data;
using CampusKonseling.Site;

namespace CampusKonseling.Privasi.Pages.Privasi.Public;

/// <summary>A person's requests as their own page lists them (signed in, or through an e-mail link), with where the copy downloads from.</summary>
public sealed record DaftarPermintaan(IReadOnlyList<PermintaanRow> Rows, CampusTime Waktu, Func<PermintaanRow, string, string> Unduh);

/// <summary>The request form, posted to <see cref="Aksi"/> (empty: the page itself).</summary>
public sealed record FormPermintaan(bool AdaSop, string? Galat, string? Jenis, string? Uraian, string? Aksi = null);
