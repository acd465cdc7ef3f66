namespace CampusKonseling.Sop.Definitions;

/// <summary>
/// Keys of an instance's context that mean something to the engine. Other keys are facts the starting module
/// put there for routing (saluran, jenisKlien, bidang, a form's choice answers), never counseling content.
/// </summary>
public static class Konteks
{
    /// <summary>The user id of the client whose request it is (the performer of client lanes).</summary>
    public const string Klien = "klien";
    /// <summary>"ya" when the case is urgent: time standards then count on the plain clock, and decisions may route on it.</summary>
    public const string Darurat = "darurat";
    /// <summary>How the instance entered (formulir, datang, telepon, api, jadwal, rujukan).</summary>
    public const string Masuk = "masuk";

    /// <summary>The person named for an assignment ("konselor": the assigned counselor).</summary>
    public static string Penugasan(string nama) => "penugasan." + nama;
    public static string PenugasanNama(string nama) => "penugasan." + nama + ".nama";
    /// <summary>A date of the instance, ISO 8601 with offset (tanggal.pelaksanaan, tanggal.janji).</summary>
    public static string Tanggal(string acuan) => "tanggal." + acuan;
}
