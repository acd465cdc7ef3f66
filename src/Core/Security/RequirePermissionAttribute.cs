using Microsoft.AspNetCore.Authorization;

namespace CampusKonseling.Security;

/// <summary>Only users whose roles grant the permission may open this page.</summary>
public sealed class RequirePermissionAttribute(string permission)
    : AuthorizeAttribute(PermissionPolicy.Prefix + permission);
