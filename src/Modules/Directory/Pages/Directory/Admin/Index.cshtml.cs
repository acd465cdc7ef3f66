using CampusKonseling.Security;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampusKonseling.Direktori.Pages.Directory.Admin;

/// <summary>Staff look a student up by NIM or name and see their status, as seed 001's step 2 asks ("mengecek status mahasiswa").</summary>
[RequirePermission(Permissions.ViewDirectory)]
public sealed class IndexModel(IStudentDirectory directory, IPermissionService permissions) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Cari { get; set; }
    [BindProperty(SupportsGet = true, Name = "halaman")] public int PageNumber { get; set; } = 1;
    public StudentPage Result { get; private set; } = new([], 1, PageSize, 0);
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await directory.SearchAsync(Cari, Math.Max(PageNumber, 1), PageSize, ct);
        CanManage = await permissions.HasPermissionAsync(User, Permissions.ManageDirectory);
    }
}
