namespace CampusKonseling.Shell;

/// <summary>Runs once when a campus is set up, after its recipe (e.g. creates the first administrator).</summary>
public interface ITenantSetupHandler
{
    Task SetupAsync(SetupAdmin admin, CancellationToken ct);
}
