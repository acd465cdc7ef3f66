using System.Reflection;
using CampusKonseling.Data;
using CampusKonseling.Host.Features;
using CampusKonseling.Host.Health;
using CampusKonseling.Host.Infrastructure;
using CampusKonseling.Host.Jobs;
using CampusKonseling.Host.Metrics;
using CampusKonseling.Host.OpenApi;
using CampusKonseling.Host.Recipes;
using CampusKonseling.Host.Registry;
using CampusKonseling.Host.Routing;
using CampusKonseling.Host.Setup;
using CampusKonseling.Host.Setup.Demo;
using CampusKonseling.Host.Shells;
using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Recipes;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Host;

public static class HostingExtensions
{
    public static WebApplicationBuilder AddCampusKonseling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<CampusKonselingOptions>(builder.Configuration.GetSection(CampusKonselingOptions.Section));
        services.AddSingleton(TimeProvider.System);

        var assemblies = ModuleDiscovery.ModuleAssemblies(typeof(Program).Assembly);
        var catalog = new FeatureCatalog(ModuleDiscovery.Manifests(assemblies));
        services.AddSingleton(catalog);
        services.AddSingleton<IFeatureCatalog>(catalog);
        foreach (var entry in catalog.Features)
        {
            var startup = (IFeatureStartup)Activator.CreateInstance(entry.Feature.Startup)!;
            startup.ConfigureServices(new FeatureBuilder(services, entry.Feature.Id));
            services.AddSingleton(new FeatureStartupInstance(entry.Feature.Id, startup));
        }

        services.AddDbContextFactory<HostDb>(o => HostDb.Configure(o, builder.Configuration.GetConnectionString("Default")));
        services.AddSingleton<ITenantRegistry, TenantRegistry>();
        services.AddSingleton<BootstrapService>();
        services.AddHostedService(sp => sp.GetRequiredService<BootstrapService>());
        services.AddDataProtection().SetApplicationName("CampusKonseling").AddKeyRing(builder.Configuration, builder.Environment);
        services.AddSingleton<TenantDatabases>();
        services.AddSingleton<FeatureMigrator>();
        services.AddSingleton<ShellHost>();
        services.AddSingleton<IShellHost>(sp => sp.GetRequiredService<ShellHost>());
        services.AddSingleton<ShellMetrics>();
        services.AddHostedService<ShellSweeper>();
        services.AddHostedService<ShellWarmUp>();
        services.AddSingleton<ShellAudit>();
        services.AddSingleton<FeatureManager>();
        services.AddSingleton<IFeatureManager>(sp => sp.GetRequiredService<FeatureManager>());
        services.AddSingleton<RecipeFolder>();
        services.AddSingleton<RecipeRunner>();
        services.AddSingleton<IRecipeRunner>(sp => sp.GetRequiredService<RecipeRunner>());
        services.AddSingleton<TenantManager>();
        services.AddSingleton<CampusMove>();
        services.AddSingleton<ITenantManager>(sp => sp.GetRequiredService<TenantManager>());
        services.AddSingleton<HostBootstrapper>();
        services.AddSingleton<TenantResolver>();
        services.AddTenantJobs(builder.Configuration);

        services.AddScoped<CurrentShell>();
        services.AddScoped<TenantDbConnection>();
        services.AddScoped<PublicLinks>();
        services.AddSingleton<CampusKonseling.Notifications.KeyedTextRenderer>();
        services.AddScoped<ShellFeatureServices>();
        services.AddScoped<MenuService>();
        var smtp = builder.Configuration.GetSection(CampusKonselingOptions.Section + ":Smtp");
        services.AddOptions<SmtpOptions>().Bind(smtp)
            .Validate(o => o.Security is null || CampusKonseling.Notifications.SmtpSecurity.All.Contains(o.EffectiveSecurity),
                "CampusKonseling:Smtp:Security must be auto, starttls, implicit or none.")
            .ValidateOnStart();
        services.AddOptions<CampusKonseling.Notifications.SmtpTransportOptions>().Bind(smtp)
            .Validate(o => string.IsNullOrWhiteSpace(o.TrustedCertificatesFile) || File.Exists(o.TrustedCertificatesFile),
                "CampusKonseling:Smtp:TrustedCertificatesFile names a file that does not exist.")
            .Validate(o => o.TimeoutSeconds is > 0 and <= 600, "CampusKonseling:Smtp:TimeoutSeconds must be between 1 and 600.")
            .ValidateOnStart();
        services.AddSingleton<CampusKonseling.Notifications.SmtpTransport>();
        if (!string.IsNullOrEmpty(builder.Configuration[CampusKonselingOptions.Section + ":Smtp:Host"]))
            services.TryAddScoped<CampusKonseling.Notifications.IEmailSender, SmtpEmailSender>();
        services.TryAddScoped<CampusKonseling.Notifications.IEmailSender, LogEmailSender>();

        services.AddCampusLocalization();
        var moduleFeatures = assemblies.ToDictionary(a => a, a => catalog.Modules.First(m => m.GetType().Assembly == a).Features[0].Id);
        services.AddRazorPages(o => o.Conventions.Add(new FeaturePageConvention(moduleFeatures)))
            .AddMvcOptions(o =>
            {
                o.Filters.Add<Infrastructure.Input.FormTextFilter>();
                Infrastructure.Input.LenientValueProviderFactory.Apply(o);
            })
            .ConfigureApplicationPartManager(parts =>
            {
                foreach (var assembly in assemblies.Where(a => parts.ApplicationParts.All(p => p.Name != a.GetName().Name)))
                    parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(assembly));
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = Localization.ForAssembly);
        services.AddOptions<MvcOptions>().Configure<IStringLocalizer<S>>((o, t) => o.UseIndonesianBindingMessages(t));

        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<MatcherPolicy, FeatureEndpointPolicy>();
        services.AddProblemDetails();
        services.AddRateLimiter(_ => { });
        services.AddHttpContextAccessor();
        services.AddSingleton<CspViolationLog>();
        services.AddCampusMetrics(builder.Configuration);
        services.AddCampusOpenApi();
        // Only with demo campuses, which a host in Production refuses (DemoSettings): never part of a real server.
        if (builder.Configuration.GetValue<bool>(CampusKonselingOptions.Section + ":" + nameof(CampusKonselingOptions.DemoTenants)))
            services.AddDemoSemester(builder.Configuration);
        return builder;
    }

    public static WebApplication UseCampusKonseling(this WebApplication app)
    {
        app.UseForwardedHeaders(ForwardedHeadersSetup.FromConfiguration(app.Configuration));
        app.Map("/health", health => health.Run(HealthEndpoint.Handle));
        // The host's, not a campus's, and before the host-name filter like /health: a Prometheus server scrapes by address.
        app.UseCampusMetrics();
        app.Use(SecurityHeaders.Apply);
        // Before the host-name filter: it may read the tenant registry, and an unreachable database must get the plain page, not a bare 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = PlainServerError });
        app.UseMiddleware<HostNameFilter>();
        app.Map(ContentSecurityPolicy.ReportPath, reports => reports.Run(CspReportEndpoint.Handle));
        app.UseMiddleware<TenantMiddleware>();
        app.UseExceptionHandler("/error");
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages());
        foreach (var source in app.Services.GetServices<StaticAssetSource>())
            app.UseStaticFiles(new StaticFileOptions { RequestPath = source.RequestPath, FileProvider = new EmbeddedFileProvider(source.Assembly, source.BaseNamespace) });
        app.UseSwaggerUiFiles();
        app.UseRequestLocalization();
        app.UseMiddleware<Infrastructure.Input.FormBodyGuard>();
        app.UseRouting();
        // Who is signed in is known before the limits: a policy may spare people who are (the privacy page's posts).
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<Infrastructure.Input.JsonBodyGuard>();

        app.MapRazorPages();
        app.MapLanguageSwitch();
        app.MapCampusOpenApi();
        foreach (var startup in app.Services.GetServices<FeatureStartupInstance>())
            startup.Startup.MapEndpoints(app.MapGroup("").WithMetadata(new FeatureMetadata(startup.FeatureId)));
        return app;
    }

    private static async Task PlainServerError(HttpContext context)
    {
        context.Response.StatusCode = 500;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Terjadi kesalahan pada server. Silakan coba lagi. / A server error occurred. Please try again.");
    }

    private sealed record FeatureStartupInstance(string FeatureId, IFeatureStartup Startup);
}
