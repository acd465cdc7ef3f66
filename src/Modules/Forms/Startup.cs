using CampusKonseling.Data;
using CampusKonseling.Forms.Api;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Forms.Recipes;
using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature)
    {
        feature.AddTenantDbContext<FormsDb>(FormsDb.Schema)
            .AddPermissions<Permissions>()
            .AddAdminMenu<AdminMenu>()
            .AddPublicMenu<PublicMenu>()
            .AddRecipeStep<FormsStep>()
            .AddBackgroundTask<PendingUploadCleanup>();
        feature.AddContract<IRequestAnswers, RequestAnswers>();
        feature.AddContract<CampusKonseling.Users.IClientHome, ClientHome>();
        feature.AddContract<CampusKonseling.Privasi.IKegiatanPemrosesan, Privasi.FormPemrosesan>();
        feature.AddContract<CampusKonseling.Privasi.IDataSubjek, Privasi.FormDataSubjek>();
        feature.AddContract<CampusKonseling.Privasi.IHakSubjekPelaksana, Privasi.FormHakSubjek>();
        feature.AddContract<CampusKonseling.Privasi.IPersetujuanSubjek, Privasi.FormPersetujuan>();
        feature.Services.AddScoped<FormCatalog>();
        feature.Services.AddScoped<Mine.PermohonanSaya>();
        feature.Services.AddSingleton(new StaticAssetSource("/_formulir", typeof(Startup).Assembly, "CampusKonseling.Forms.assets"));
        feature.Services.AddScoped<Builder.FormDrafts>();
        feature.Services.AddScoped<SubmissionService>();
        feature.Services.AddSingleton<CampusKonseling.Notifications.IMessageTemplateProvider, FormsTemplates>();
        feature.Services.AddScoped<Uploads>();
        feature.Services.AddScoped<KodeSekaliStore>();
        feature.Services.AddFormRateLimit();
    }

    /// <summary>Attachments are served only to staff who may see requests, and only once they belong to a sent request.</summary>
    public void MapEndpoints(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFormsApi();
        Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(endpoints, "/admin/formulir/berkas/{id:guid}", Intake.AttachmentDownload.StaffAsync)
            .RequirePermission(Permissions.ViewSubmissions).ExcludeFromDescription();
    }
}

public sealed class Permissions : IPermissionProvider
{
    public const string ViewSubmissions = "ViewSubmissions";
    public const string SubmitForms = "SubmitForms";
    public const string ManageForms = "ManageForms";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewSubmissions, new("Melihat permohonan yang masuk", "View incoming requests"), "Formulir"),
        new(SubmitForms, new("Mengirim permohonan lewat API atas nama mahasiswa", "Send requests through the API on a student's behalf"), "Formulir"),
        new(ManageForms, new("Mengelola formulir", "Manage forms"), "Formulir"),
    ];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(new("Permohonan masuk", "Incoming requests"), "admin/formulir", Permissions.ViewSubmissions, 15),
        new(new("Formulir", "Forms"), "admin/formulir/kelola", Permissions.ManageForms, 16),
        new(new("Sematkan formulir", "Embed forms"), "admin/formulir/sematkan", Permissions.ManageForms, 17),
    ];
}

public sealed class PublicMenu : IPublicMenuProvider
{
    public Task<IEnumerable<MenuItem>> GetItemsAsync(CancellationToken ct) =>
        Task.FromResult<IEnumerable<MenuItem>>([new(new("Ajukan permohonan", "Make a request"), "formulir", null, 0)]);
}
