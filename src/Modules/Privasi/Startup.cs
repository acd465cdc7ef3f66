using CampusKonseling.Data;
using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Privasi.Hak;
using CampusKonseling.Privasi.Rekam;
using CampusKonseling.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Privasi;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature)
    {
        feature.AddTenantDbContext<PrivasiDb>(PrivasiDb.Schema)
            .AddPermissions<Permissions>()
            .AddAdminMenu<AdminMenu>();
        feature.Services.AddScoped<RekamPemrosesan>();
        feature.Services.AddScoped<AksesPrivasi>();
        feature.Services.AddScoped<Hak.PermintaanHak>();
        feature.Services.AddScoped<Hak.VerifikasiSurel>();
        feature.Services.AddScoped<Hak.BuktiSurel>();
        feature.Services.AddPrivasiRateLimit();
        feature.Services.AddScoped<Hak.SalinanData>();
        feature.AddContract<Workflows.IStepAction, Hak.TelaahAction>();
        feature.AddContract<Workflows.IStepAction, Hak.JawabAction>();
        feature.AddContract<Workflows.ISopHalaman, PrivasiHalaman>();
        feature.Services.AddScoped<Insiden.RegisterInsiden>();
        feature.Services.AddScoped<Insiden.KerjaInsiden>();
        feature.AddContract<Workflows.IStepAction, Insiden.NilaiAction>();
        feature.AddContract<Workflows.IStepAction, Insiden.BeritahuAction>();
        feature.AddContract<Workflows.IStepAction, Insiden.TutupAction>();
        feature.AddContract<Workflows.IStepAction, Insiden.InsidenSuratAction>();
        feature.AddContract<IPejabatPdp, PejabatPdpSource>();
        feature.AddContract<IUraianPemrosesan, PejabatPdpSource>();
    }
}

public sealed class Permissions : IPermissionProvider
{
    public const string ManagePrivasi = "ManagePrivasi";

    public IEnumerable<Permission> GetPermissions() =>
        [new(ManagePrivasi, new("Mengelola pelindungan data pribadi (pejabat PDP, rekaman pemrosesan)", "Manage personal data protection (DPO, record of processing)"), "Privasi")];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
        [
            new(new("Pelindungan data", "Data protection"), "admin/privasi", Permissions.ManagePrivasi, 96),
            new(new("Permintaan data pribadi", "Personal data requests"), "admin/privasi/permintaan", "ViewSop", 97),
            new(new("Register insiden data pribadi", "Personal data breach register"), "admin/privasi/insiden", "AccessAdmin", 98),
        ];
}
