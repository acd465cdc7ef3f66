using CampusKonseling.Cases.Data;
using CampusKonseling.Data;
using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Security;

namespace CampusKonseling.Cases;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature)
    {
        feature.AddTenantDbContext<CasesDb>(CasesDb.Schema);
        feature.AddPermissions<Permissions>().AddAdminMenu<AdminMenu>();
        feature.AddContract<ICaseIntake, Intake.CaseIntake>();
        feature.Services.AddScoped<Intake.StudentReferrals>();
        feature.AddContract<Workflows.ISopObserver, Work.CaseSopObserver>();
        feature.Services.AddScoped<Privacy.CounselingProtector>();
        feature.Services.AddScoped<Privacy.CaseAccess>();
        feature.Services.AddScoped<Work.CaseAudit>();
        feature.Services.AddScoped<Work.CaseTimeline>();
        feature.Services.AddScoped<Work.CaseInbox>();
        feature.Services.AddScoped<Work.Appointments>();
        feature.AddContract<ICaseLookup, Work.CaseLookup>();
        feature.AddContract<CampusKonseling.Privasi.IDataSubjek, Privasi.CaseDataSubjek>();
        feature.AddContract<CampusKonseling.Privasi.IHakSubjekPelaksana, Privasi.CaseHakSubjek>();
        feature.AddContract<ICaseClient, Work.ClientCase>();
        feature.AddContract<Workflows.IStepAction, Work.KonfirmasiJadwalAction>();
        feature.AddContract<ICaseStatistics, Statistics.CaseStatistics>();
        feature.AddContract<Navigation.IDashboardCard, Work.InboxCard>();
        feature.Services.AddScoped<Work.CaseLetters>();
        feature.Services.AddScoped<Work.Dispositions>();
        feature.AddContract<Workflows.IStepAction, Work.DisposisiAction>();
        feature.AddContract<Workflows.ISopHalaman, Steps.CaseHalaman>();
        feature.AddContract<Workflows.IStepAction, Work.LaporDisposisiAction>();
        feature.Services.AddScoped<Work.Referrals>();
        feature.Services.AddScoped<Work.Urgency>();
        feature.Services.AddScoped<Work.CaseDocuments>();
        feature.Services.AddScoped<Work.CaseArchiving>();
        // The case page's tabs: the header they share, and the step cards' work.
        feature.Services.AddScoped<Pages.Cases.Admin.Kasus.KasusHeaders>();
        feature.Services.AddScoped<Pages.Cases.Admin.Kasus.Ringkasan.LangkahKerja>();
        feature.AddContract<CampusKonseling.Archive.IArchiveSubjectOwner, Work.CaseArchiveOwner>();
        // The step actions whose work is done on a case (a programme's instance finds no case here and gets null).
        feature.AddContract<Workflows.IStepAction, Steps.SuratAction>();
        feature.AddContract<Workflows.IStepAction, Steps.UnggahAction>();
        feature.AddContract<Workflows.IStepAction, Steps.JadwalAction>();
        feature.AddContract<Workflows.IStepAction, Steps.RujukanAction>();
        feature.AddContract<Workflows.IStepAction, Steps.HasilRujukanAction>();
    }

    public void MapEndpoints(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => Api.CasesApi.MapCasesApi(endpoints);
}

public sealed class Permissions : IPermissionProvider
{
    public const string ViewCases = "ViewCases", ManageCases = "ManageCases", CounselCases = "CounselCases",
        ReadCounselingNotes = "ReadCounselingNotes", BreakGlass = "BreakGlass", SuperviseCases = "SuperviseCases", ReferCases = "ReferCases";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewCases, new("Melihat dan mengerjakan kasus (data administratif)", "View and work cases (administrative data)"), "Kasus"),
        new(ManageCases, new("Membuka kasus dan menugaskan konselor", "Open cases and assign counselors"), "Kasus"),
        // Explicit: the assigned counselor reads the case's counseling tier, so whoever may be assigned is a
        // reader of notes, and only the host grants that (ADR 0010); otherwise the campus admin could join the
        // counselor role, assign a case to themself and read it.
        new(CounselCases, new("Menangani kasus sebagai konselor/psikolog", "Handle cases as counselor/psychologist"), "Kasus", Explicit: true),
        new(ReferCases, new("Merujuk mahasiswa ke layanan konseling (dosen PA, sistem dosen PA lewat API)", "Refer students to counseling (academic advisors, an advisor system over the API)"), "Kasus"),
        new(SuperviseCases, new("Mengawasi layanan (kepala unit): menerima pemberitahuan buka darurat", "Supervise the service (unit head): receive break-glass alerts"), "Kasus"),
        new(ReadCounselingNotes, new("Membaca catatan konseling semua kasus", "Read the counseling notes of every case"), "Kasus", Explicit: true),
        new(BreakGlass, new("Membuka catatan konseling dalam keadaan darurat (dengan alasan, tercatat)", "Open counseling notes in an emergency (with a reason, audited)"), "Kasus", Explicit: true),
    ];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(new("Kotak masuk kasus", "Case inbox"), "admin/kasus", Permissions.ViewCases, 10),
        new(new("Rujuk mahasiswa", "Refer a student"), "admin/kasus/rujuk", Permissions.ReferCases, 11),
    ];
}
