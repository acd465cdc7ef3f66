using CampusKonseling.Data;
using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Programs.Api;
using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampusKonseling.Programs;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature)
    {
        feature.AddTenantDbContext<ProgramsDb>(ProgramsDb.Schema)
            .AddPermissions<Permissions>()
            .AddAdminMenu<AdminMenu>()
            .AddPublicMenu<PublicMenu>()
            .AddRecipeStep<Recipes.ProgramsStep>()
            .AddBackgroundTask<EvaluationSender>();
        feature.AddContract<IProgramReport, ProgramReport>();
        feature.AddContract<Workflows.ISopObserver, ProgramSopObserver>();
        feature.AddContract<CampusKonseling.Privasi.IDataSubjek, ProgramDataSubjek>();
        feature.AddContract<CampusKonseling.Privasi.IHakSubjekPelaksana, ProgramHakSubjek>();
        feature.AddContract<CampusKonseling.Privasi.IPersetujuanSubjek, ProgramPersetujuan>();
        feature.AddContract<Workflows.IStepAction, ProgramSuratAction>();
        feature.AddContract<Workflows.ISopHalaman, ProgramHalaman>();
        feature.AddContract<IClientTickets, ClientTickets>();
        feature.AddContract<Navigation.IDashboardCard, ProgrammeCard>();
        feature.AddContract<Archive.IArchiveSubjectOwner, ProgramArchiveOwner>();
        feature.Services.AddScoped<ProgramCatalog>();
        feature.Services.AddScoped<ProgramEdits>();
        feature.Services.AddScoped<Registrations>();
        feature.Services.AddScoped<ParticipantMail>();
        feature.Services.AddScoped<Attendance>();
        feature.Services.AddScoped<Evaluations>();
        feature.Services.AddScoped<Audience>();
        feature.Services.AddScoped<ProgramLetters>();
        feature.Services.AddScoped<ProgramArchiving>();
        feature.Services.AddScoped<ProgramReferrals>();
        feature.Services.AddProgramRateLimit();
        feature.Services.AddSingleton(new StaticAssetSource("/_program", typeof(Startup).Assembly, "CampusKonseling.Programs.assets"));
    }

    /// <summary>The participant's QR code: only the holder of the token (their e-mail) can fetch it.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapProgramsApi();
        endpoints.MapGet("/program/tiket/{token}/qr.png", async (string token, ProgramsDb db, CancellationToken ct) =>
            await Tickets.FindAsync(db, token, ct) is { } p ? Results.File(Tickets.Png(p.Token), "image/png") : Results.NotFound())
            .ExcludeFromDescription();
    }
}

public sealed class Permissions : IPermissionProvider
{
    public const string ViewPrograms = "ViewPrograms", ManagePrograms = "ManagePrograms", TakeAttendance = "TakeAttendance";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewPrograms, new("Melihat program (workshop, sosialisasi, pelatihan)", "View programs (workshops, socialisations, trainings)"), "Program"),
        new(ManagePrograms, new("Mengelola program: panitia, surat, undangan, peserta, rujukan, laporan", "Manage programs: committee, letters, invitations, participants, referrals, report"), "Program"),
        new(TakeAttendance, new("Mencatat kehadiran peserta program", "Take attendance of program participants"), "Program"),
    ];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() => [new(new("Program", "Programs"), "admin/program", Permissions.ViewPrograms, 20)];
}

public sealed class PublicMenu : IPublicMenuProvider
{
    public Task<IEnumerable<MenuItem>> GetItemsAsync(CancellationToken ct) =>
        Task.FromResult<IEnumerable<MenuItem>>([new(new("Program & workshop", "Programs & workshops"), "program", null, 5)]);
}
