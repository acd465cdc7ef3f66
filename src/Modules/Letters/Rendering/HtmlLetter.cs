using System.Net;
using System.Text;

namespace CampusKonseling.Letters.Rendering;

/// <summary>The printable HTML view: the same content as the PDF, on an A4 page when printed.</summary>
public static class HtmlLetter
{
    private const string Css = """
        body{font-family:"DejaVu Serif","Times New Roman",serif;color:#000;background:#eee;margin:0;font-size:12pt;line-height:1.45}
        .halaman{background:#fff;max-width:21cm;margin:1cm auto;padding:1.5cm 2.5cm 2cm;box-sizing:border-box}
        .kop{display:flex;align-items:center;gap:1rem;border-bottom:3px double #000;padding-bottom:.4rem;margin-bottom:1rem}
        .kop img{height:80px}.kop-teks{flex:1;text-align:center}.kop-teks div{margin:0}
        .instansi{font-size:12pt}.kampus{font-size:15pt;font-weight:bold}.unit{font-size:13pt;font-weight:bold}.alamat{font-size:9.5pt}
        h1{font-size:13pt;text-align:center;text-decoration:underline;margin:.6rem 0 0}.nomor{text-align:center;margin:0 0 1rem}
        .perihal td{padding:0 .4rem 0 0;vertical-align:top}.kepada{margin:1rem 0}
        p{margin:0 0 .7rem;text-align:justify}table.baris{border-collapse:collapse;margin:0 0 .2rem}
        table.baris td{padding:0 .4rem 0 0;vertical-align:top}table.baris td:first-child{width:12rem}
        .kosong{background:#fff3bf}.ttd{margin:2rem 0 0 55%}.ttd .ruang{height:4.5rem}.ttd .nama{font-weight:bold;text-decoration:underline}
        .versi{font-size:8pt;color:#555;margin-top:2rem}
        @page{size:A4;margin:0}
        @media print{body{background:#fff}.halaman{margin:0;max-width:none}.kosong{background:none}}
        """;

    /// <param name="styleNonce">
    /// The page's Content-Security-Policy nonce when the letter is shown inside a page (the preview's srcdoc frame
    /// inherits the page's policy); a stored letter is served on its own under a sandboxed document policy.
    /// </param>
    public static string Render(LetterContent c, string? styleNonce = null)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        sb.Append($"<title>{E(c.Judul)} {E(c.Nomor)}</title><style{(styleNonce is null ? "" : $" nonce=\"{E(styleNonce)}\"")}>{Css}</style></head><body><main class=\"halaman\">");
        sb.Append("<header class=\"kop\">");
        if (c.Kop.LogoUrl is { Length: > 0 } logo) sb.Append($"<img src=\"{E(logo)}\" alt=\"\">");
        sb.Append("<div class=\"kop-teks\">");
        if (c.Kop.Instansi is { Length: > 0 } instansi) sb.Append($"<div class=\"instansi\">{E(instansi)}</div>");
        sb.Append($"<div class=\"kampus\">{E(c.Kop.Kampus)}</div>");
        if (c.Kop.Unit is { Length: > 0 } unit) sb.Append($"<div class=\"unit\">{E(unit)}</div>");
        if (c.Kop.Alamat is { Length: > 0 } alamat) sb.Append($"<div class=\"alamat\">{E(alamat)}</div>");
        if (c.Kop.Kontak is { Length: > 0 } kontak) sb.Append($"<div class=\"alamat\">{E(kontak)}</div>");
        sb.Append("</div></header>");
        sb.Append($"<h1>{E(c.Judul.ToUpperInvariant())}</h1><p class=\"nomor\">Nomor: <span data-nomor>{E(c.Nomor)}</span></p>");
        if (c.Perihal is { } perihal) sb.Append($"<table class=\"perihal\"><tr><td>Perihal</td><td>:</td><td>{Runs(perihal)}</td></tr></table>");
        if (c.Kepada.Count > 0) sb.Append("<div class=\"kepada\">").Append(Blocks(c.Kepada)).Append("</div>");
        sb.Append("<div class=\"isi\">").Append(Blocks(c.Isi)).Append("</div>");
        sb.Append($"<div class=\"ttd\"><div>{E(c.Ttd.TempatTanggal)}</div><div>{Runs(c.Ttd.Jabatan)}</div><div class=\"ruang\"></div>");
        if (c.Ttd.Nama is { } nama) sb.Append($"<div class=\"nama\">{Runs(nama)}</div>");
        if (c.Ttd.Nip is { } nip) sb.Append($"<div>{(LetterComposer.NipLabel(nip) ? "NIP. " : "")}{Runs(nip)}</div>");
        sb.Append($"</div><p class=\"versi\">{E(c.Nomor)} · versi {c.Versi}</p></main></body></html>");
        return sb.ToString();
    }

    private static string Blocks(IReadOnlyList<Blok> blocks)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is Paragraf p) { sb.Append($"<p>{Runs(p.Runs)}</p>"); continue; }
            sb.Append("<table class=\"baris\">");
            for (; i < blocks.Count && blocks[i] is Baris b; i++) sb.Append($"<tr><td>{Runs(b.Label)}</td><td>:</td><td>{Runs(b.Nilai)}</td></tr>");
            sb.Append("</table>");
            i--;
        }
        return sb.ToString();
    }

    private static string Runs(IEnumerable<Run> runs) => string.Concat(runs.Select(r =>
    {
        var text = E(r.Text).Replace("\n", "<br>");
        if (r.Kosong) text = $"<span class=\"kosong\" title=\"belum diisi\">{text}</span>";
        return r.Bold ? $"<strong>{text}</strong>" : text;
    }));

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
