using CampusKonseling.Notifications;
using CampusKonseling.Sop.Timers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampusKonseling.Host.Setup.Demo;

public static class DemoRegistration
{
    /// <summary>
    /// The demo semester, only where demo campuses are on (a host in Production refuses to start with them): the demo
    /// clock, held SLA timers, no mail to the fictitious addresses, and the service that fills each new demo campus.
    /// </summary>
    public static IServiceCollection AddDemoSemester(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoSemesterOptions>(configuration.GetSection(DemoSemesterOptions.Section));
        if (!configuration.GetSection(DemoSemesterOptions.Section).GetValue(nameof(DemoSemesterOptions.Enabled), true)) return services;
        var clock = new DemoClock();
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        services.AddSingleton(clock);
        Decorate<ISlaTimers>(services, (_, inner) => new DemoTimers(inner), ServiceLifetime.Singleton);
        services.AddSingleton(sp => (DemoTimers)sp.GetRequiredService<ISlaTimers>());
        Decorate<IEmailSender>(services, (_, inner) => new DemoMail(inner), ServiceLifetime.Scoped);
        services.AddSingleton<DemoSemesterService>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoSemesterService>());
        return services;
    }

    /// <summary>Wraps the registered implementation of <typeparamref name="T"/> (the last one) in <paramref name="wrap"/>.</summary>
    private static void Decorate<T>(IServiceCollection services, Func<IServiceProvider, T, T> wrap, ServiceLifetime lifetime) where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(T), sp => wrap(sp, Create<T>(sp, original)), lifetime));
    }

    private static T Create<T>(IServiceProvider sp, ServiceDescriptor d) where T : class =>
        (T)(d.ImplementationInstance ?? d.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));
}
