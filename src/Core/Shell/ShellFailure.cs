namespace CampusKonseling.Shell;

/// <summary>Why a tenant could not start; shown to the host administrator, never to visitors.</summary>
public sealed record ShellFailure(string TenantName, string Message, DateTimeOffset AtUtc);
