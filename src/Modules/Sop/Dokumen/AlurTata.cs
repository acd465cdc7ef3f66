namespace CampusKonseling.Sop.Dokumen;

/// <summary>Where a flowchart row sits: its page, its top, the band above it (first on a page: incoming off-page
/// connectors) and below it (last on a page: outgoing ones), and the height of its content between.</summary>
internal sealed class Tempat(int index, AlurBaris baris)
{
    public int Index { get; } = index;
    public AlurBaris Baris { get; } = baris;
    public int Page { get; set; }
    public double Top { get; set; }
    public double BandAtas { get; set; }
    public double BandBawah { get; set; }
    public double H { get; set; }
    public List<string> Kegiatan { get; set; } = [];
    public List<string> Kelengkapan { get; set; } = [];
    public List<string> Waktu { get; set; } = [];
    public List<string> Output { get; set; } = [];
    public List<string> Ket { get; set; } = [];

    public double IsiTop => Top + BandAtas;
    public double Cy => IsiTop + H / 2;
    public double Bottom => IsiTop + H + BandBawah;
}

/// <summary>The flowchart table's geometry: columns, header, and each row's place on its page.</summary>
internal sealed class AlurTata
{
    public const double Band = 18, MinRow = 40, Pad = 3, HeadTop = PdfKanvas.Top + 16, Head1 = 14;
    public double No, Kegiatan, LaneW, Kelengkapan, Waktu, Output, Ket;
    public int Lanes;
    public double Head2;
    public List<Tempat> Rows { get; } = [];
    public int FirstPage, LastPage;

    public double XNo => PdfKanvas.Left;
    public double XKegiatan => XNo + No;
    public double XLane(int i) => XKegiatan + Kegiatan + i * LaneW;
    public double LaneCx(int i) => XLane(i) + LaneW / 2;
    public double XKelengkapan => XLane(Lanes);
    public double XWaktu => XKelengkapan + Kelengkapan;
    public double XOutput => XWaktu + Waktu;
    public double XKet => XOutput + Output;
    public double BodyTop => HeadTop + Head1 + Head2;

    /// <summary>Lanes share what the text columns leave, at most 84 pt each; the rest widens Kegiatan, Kelengkapan and Ket.</summary>
    public AlurTata(int lanes)
    {
        Lanes = Math.Max(1, lanes);
        (No, Kegiatan, Kelengkapan, Waktu, Output, Ket) = (20, 150, 85, 50, 80, 95);
        var rest = PdfKanvas.Width - (No + Kegiatan + Kelengkapan + Waktu + Output + Ket);
        LaneW = Math.Min(84, rest / Lanes);
        var spare = rest - LaneW * Lanes;
        (Kegiatan, Kelengkapan, Ket) = (Kegiatan + spare * 0.5, Kelengkapan + spare * 0.2, Ket + spare * 0.3);
    }

    /// <summary>
    /// Rows go on the page while they fit whole. Where the table breaks, the last row of the page keeps a band at its
    /// foot and the first row of the next page one at its head, for the off-page connectors; with
    /// <paramref name="allBands"/> (an arrow goes back to an earlier page) the table's first and last rows too.
    /// </summary>
    public void Paginate(int firstPage, bool allBands)
    {
        FirstPage = LastPage = firstPage;
        var y = BodyTop;
        Tempat? previous = null;
        foreach (var row in Rows)
        {
            var atas = previous is null && allBands ? Band : 0;
            var bawah = row == Rows[^1] && !allBands ? 0 : Band;
            if (previous is not null && y + row.H + bawah > PdfKanvas.Bottom)
            {
                previous.BandBawah = Band;
                LastPage++;
                y = BodyTop;
                atas = Band;
            }
            row.Page = LastPage;
            row.Top = y;
            row.BandAtas = atas;
            row.BandBawah = 0;
            y = row.IsiTop + row.H;
            previous = row;
        }
        if (previous is not null && allBands) previous.BandBawah = Band;
    }

    /// <summary>An arrow goes back to a step on an earlier page (a loop across a page break).</summary>
    public bool LoopsAcrossPages => Rows.Any(r => r.Baris.Panah.Any(p => Row(p.Ke) is { } to && to.Page < r.Page));

    public Tempat? Row(string stepId) => Rows.FirstOrDefault(r => r.Baris.Langkah.Id == stepId);
    public IEnumerable<Tempat> OnPage(int page) => Rows.Where(r => r.Page == page);
}
