namespace CampusKonseling.Host.Setup.Demo;

/// <summary>
/// How big the demo semester is (section CampusKonseling:DemoSemester). Only read when CampusKonseling:DemoTenants is on.
/// The same numbers and seed give the same semester, with its dates counted back from the day it is written.
/// </summary>
public sealed class DemoSemesterOptions
{
    public const string Section = "CampusKonseling:DemoSemester";

    /// <summary>Fill the demo campuses at all (on with DemoTenants unless set to false).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Cases per campus, spread over its case SOPs.</summary>
    public int Kasus { get; set; } = 200;

    /// <summary>Students in the directory of a campus that has one.</summary>
    public int Mahasiswa { get; set; } = 300;

    /// <summary>Programmes (workshops, sosialisasi) per programme kind.</summary>
    public int Program { get; set; } = 6;

    /// <summary>The random seed: the same seed, the same names, texts and paths.</summary>
    public int Seed { get; set; } = 20261;

    /// <summary>Campuses written at once.</summary>
    public int Paralel { get; set; } = 2;
}
