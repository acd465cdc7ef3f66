using CampusKonseling.Data;
using CampusKonseling.Direktori.Api;
using CampusKonseling.Direktori.Data;
using CampusKonseling.Direktori.Import;
using CampusKonseling.Direktori.Portal;
using CampusKonseling.Direktori.Students;
using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Security;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Routing;

namespace CampusKonseling.Direktori;

public sealed class Startup : IFeatureStartup
{
    public const string FeatureId = "Directory";

    public void ConfigureServices(FeatureBuilder feature)
    {
        feature.AddTenantDbContext<DirectoryDb>(DirectoryDb.Schema)
            .AddPermissions<Permissions>()
            .AddAdminMenu<AdminMenu>()
            .AddBackgroundTask<ImportSweep>();
        feature.AddContract<IStudentDirectory, StudentDirectory>();
        feature.Services.AddScoped<StudentStore>();
        feature.Services.AddScoped<ImportRunner>();
        feature.Services.AddSingleton<ImportSignal>();
        feature.Services.AddHostedService<ImportWorker>();
        feature.Services.AddScoped<PortalSettingsStore>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapMahasiswaApi();
}

public sealed class Permissions : IPermissionProvider
{
    public const string ViewDirectory = "ViewDirectory";
    public const string ManageDirectory = "ManageDirectory";
    public const string SyncDirectory = "SyncDirectory";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewDirectory, new("Melihat direktori mahasiswa dan statusnya", "View the student directory and students' status"), "Direktori"),
        new(ManageDirectory, new("Mengelola direktori mahasiswa", "Manage the student directory"), "Direktori"),
        new(SyncDirectory, new("Mengirim data mahasiswa dari SIAKAD lewat API", "Send student data from the SIS through the API"), "Direktori"),
    ];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(new("Direktori mahasiswa", "Student directory"), "admin/direktori", Permissions.ViewDirectory, 40),
        new(new("Impor mahasiswa", "Import students"), "admin/direktori/impor", Permissions.ManageDirectory, 41),
        new(new("Masuk lewat portal", "Portal sign-in"), "admin/direktori/portal", Permissions.ManageDirectory, 42),
    ];
}
