using CampusKonseling.Host.Registry;
using CampusKonseling.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampusKonseling.Host.Infrastructure;

public static class KeyRingServices
{
    /// <summary>
    /// The host's key ring in the host database, wrapped by the same certificate as the campuses' note
    /// keys: one secret held outside every database.
    /// </summary>
    public static IDataProtectionBuilder AddKeyRing(this IDataProtectionBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        var certificates = KeyRingCertificates.Load(configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new(), environment);
        builder.Services.AddSingleton(certificates);
        builder.Services.AddHostedService<KeyRingNotice>();
        builder.ProtectKeysWithHostCertificate(certificates);
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new HostDbXmlRepository(sp.GetRequiredService<IDbContextFactory<HostDb>>(), certificates.Encryptor(sp.GetRequiredService<ILoggerFactory>()))));
        return builder;
    }
}

/// <summary>Says once, at start, which certificate wraps the keys, and loudly when this start made it.</summary>
internal sealed class KeyRingNotice(KeyRingCertificates certificates, ILogger<KeyRingCertificates> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        certificates.LogStart(log);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
