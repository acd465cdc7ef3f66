using CampusKonseling.Archive.Data;
using CampusKonseling.Data;
using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Security;

namespace CampusKonseling.Archive;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature)
    {
        feature.AddTenantDbContext<ArchiveDb>(ArchiveDb.Schema);
        feature.AddPermissions<Permissions>().AddAdminMenu<AdminMenu>();
        feature.Services.AddScoped<Search.CounselingWords>();
        feature.Services.AddScoped<Search.ArchiveSearch>();
        feature.AddContract<IArchive, Search.ArchiveStore>();
        feature.Services.AddScoped<Retention.RetentionService>();
        feature.AddBackgroundTask<Retention.RetentionReminder>();
    }

    public void MapEndpoints(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => Api.ArchiveApi.MapArchiveApi(endpoints);
}

public sealed class Permissions : IPermissionProvider
{
    public const string SearchArchive = "SearchArchive", ExportArchive = "ExportArchive", ManageArchive = "ManageArchive";
    /// <summary>Declared by the Cases feature; read here by name.</summary>
    public const string ReadCounselingNotes = "ReadCounselingNotes";

    public IEnumerable<Permission> GetPermissions() =>
        [
            new(SearchArchive, new("Mencari arsip kasus (tanpa catatan konseling kasus orang lain)", "Search the case archive (without other counselors' counseling notes)"), "Arsip"),
            new(ManageArchive, new("Mengelola masa simpan arsip dan memusnahkan catatan yang lewat masa simpan", "Manage archive retention and destroy records past it"), "Arsip"),
            new(ExportArchive, new("Mengekspor daftar hasil pencarian arsip (CSV, tanpa teks konseling)", "Export archive result lists (CSV, without counseling text)"), "Arsip"),
        ];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(new("Arsip", "Archive"), "admin/arsip", Permissions.SearchArchive, 12),
        new(new("Masa simpan arsip", "Archive retention"), "admin/arsip/retensi", Permissions.ManageArchive, 96),
    ];
}
