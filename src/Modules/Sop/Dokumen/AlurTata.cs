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
    public const double Band = 20, MinRow = 40, Pad = 3, HeadTop = PdfKanvas.Top + 16, Head1 = 14;
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

    /// <summary>Rows go on the page while they fit whole, leaving a band at the page's foot for connectors.</summary>
    public void Paginate(int firstPage)
    {
        FirstPage = LastPage = firstPage;
        var y = BodyTop;
        Tempat? previous = null;
        foreach (var row in Rows)
        {
            var first = previous is null || y + Band + row.H + Band > PdfKanvas.Bottom;
            if (first && previous is not null)
            {
                previous.BandBawah = Band;
                LastPage++;
                y = BodyTop;
            }
            row.Page = LastPage;
            row.Top = y;
            row.BandAtas = first ? Band : 0;
            y = row.IsiTop + row.H;
            previous = row;
        }
        if (previous is not null) previous.BandBawah = Band;
    }

    public Tempat? Row(string stepId) => Rows.FirstOrDefault(r => r.Baris.Langkah.Id == stepId);
    public IEnumerable<Tempat> OnPage(int page) => Rows.Where(r => r.Page == page);
}
