using CampusKonseling.Modules;

namespace CampusKonseling.Programs;

public sealed class Manifest : IModuleManifest
{
    public string Id => "Programs";
    public LocalizedText Name => new("Program dan Workshop", "Programs and workshops");
    public string Category => "Layanan";
    public IReadOnlyList<string> Dependencies => ["Sop", "Notifications", "Site"];

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("Programs",
            new("Program (workshop, sosialisasi, pelatihan)", "Programs (workshops, socialisations, trainings)"),
            new("Program yang berjalan menurut SOP-nya: panitia dan surat tugas, sasaran dari direktori mahasiswa, undangan, pendaftaran dengan kuota dan daftar tunggu, presensi dengan kode QR, evaluasi, laporan, dan rujukan ke konseling karier.",
                "Programs run on their SOP: committee and assignment letter, audience from the student directory, invitations, registration with capacity and waiting list, QR attendance, evaluation, report, and referrals to career counseling.")),
    ];
}
