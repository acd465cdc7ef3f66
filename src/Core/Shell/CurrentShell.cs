namespace CampusKonseling.Shell;

/// <summary>Scoped: the tenant the current request or job works for.</summary>
public sealed class CurrentShell
{
    private ShellContext? _shell;

    public ShellContext Shell
    {
        get => _shell ?? throw new InvalidOperationException("No tenant is selected for this scope.");
        set => _shell = value;
    }

    public bool HasShell => _shell is not null;
}
