using CampusKonseling.Security;
using Microsoft.AspNetCore.Authorization;

namespace CampusKonseling.Identity.Security;

public sealed class PermissionHandler(IPermissionService permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await permissions.HasPermissionAsync(context.User, requirement.Permission))
            context.Succeed(requirement);
    }
}
