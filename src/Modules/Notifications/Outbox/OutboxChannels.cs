namespace CampusKonseling.Notifications.Outbox;

/// <summary>The outbox's e-mail channels (column saluran); text gateways are named by their kind.</summary>
public static class OutboxChannels
{
    public const string Email = "email";
    /// <summary>Account mail that must not pass through a campus's own mail server.</summary>
    public const string EmailPlatform = "email-platform";
}
