namespace CampusKonseling.Shell;

/// <summary>Scoped: the tenant the current request or job works for. While set, the shell counts the scope as active.</summary>
public sealed class CurrentShell : IDisposable
{
    private ShellContext? _shell;

    public ShellContext Shell
    {
        get => _shell ?? throw new InvalidOperationException("No tenant is selected for this scope.");
        set
        {
            if (ReferenceEquals(_shell, value)) return;
            _shell?.Leave();
            _shell = value;
            _shell?.Enter();
        }
    }

    public bool HasShell => _shell is not null;

    public void Dispose()
    {
        _shell?.Leave();
        _shell = null;
    }
}
