using CampusKonseling.Data;
using CampusKonseling.Documents;
using CampusKonseling.Letters.Data;
using CampusKonseling.Letters.Generation;
using CampusKonseling.Letters.Recipes;
using CampusKonseling.Letters.Templates;
using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Security;

namespace CampusKonseling.Letters;

public sealed class Startup : IFeatureStartup
{
    public void ConfigureServices(FeatureBuilder feature)
    {
        feature.AddTenantDbContext<LettersDb>(LettersDb.Schema)
            .AddPermissions<Permissions>()
            .AddAdminMenu<AdminMenu>()
            .AddRecipeStep<LettersStep>();
        feature.Services.AddScoped<Letterhead>();
        feature.Services.AddScoped<TemplateStore>();
        feature.Services.AddScoped<Signing.Signer>();
        feature.AddContract<ILetterService, LetterService>();
        feature.AddContract<ICampusLetterhead, CampusLetterhead>();
    }
}

public sealed class Permissions : IPermissionProvider
{
    public const string ManageLetters = "ManageLetters";

    public IEnumerable<Permission> GetPermissions() =>
        [new(ManageLetters, new("Mengelola templat surat", "Manage letter templates"), "Surat")];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(new("Templat surat", "Letter templates"), "admin/surat/templat", Permissions.ManageLetters, 60),
        new(new("Kop surat", "Letterhead"), "admin/surat/kop", Permissions.ManageLetters, 61),
        new(new("Surat yang dibuat", "Generated letters"), "admin/surat", Permissions.ManageLetters, 62),
    ];
}
