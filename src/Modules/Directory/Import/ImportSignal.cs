using System.Threading.Channels;

namespace CampusKonseling.Direktori.Import;

/// <summary>Tells the import worker which campus has an import waiting, so it starts within moments of the upload.</summary>
public sealed class ImportSignal
{
    private readonly Channel<string> _tenants = Channel.CreateUnbounded<string>();

    public void Wake(string tenant) => _tenants.Writer.TryWrite(tenant);

    public ValueTask<string> WaitAsync(CancellationToken ct) => _tenants.Reader.ReadAsync(ct);
}
