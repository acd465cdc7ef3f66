using CampusKonseling.Modules;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Routing.Matching;

namespace CampusKonseling.Host.Routing;

/// <summary>
/// Routes of features the current campus has not enabled do not match, so they answer 404
/// exactly as if they did not exist. Runs after Razor Pages has loaded page endpoints.
/// </summary>
public sealed class FeatureEndpointPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    // Page endpoints get their metadata only once loaded, so every endpoint is checked.
    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => true;

    public Task ApplyAsync(HttpContext context, CandidateSet candidates)
    {
        var shell = context.Items[typeof(ShellContext)] as ShellContext;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i)) continue;
            var feature = candidates[i].Endpoint.Metadata.GetMetadata<FeatureMetadata>();
            if (feature is not null && (shell is null || !shell.IsEnabled(feature.FeatureId)))
                candidates.SetValidity(i, false);
        }
        return Task.CompletedTask;
    }
}
