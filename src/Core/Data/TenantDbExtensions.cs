using CampusKonseling.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Data;

public static class TenantDbExtensions
{
    /// <summary>
    /// Registers a module's DbContext on the tenant database, in the module's own schema.
    /// Its migrations run in every tenant where the feature gets enabled.
    /// </summary>
    public static FeatureBuilder AddTenantDbContext<TContext>(this FeatureBuilder feature, string schema)
        where TContext : DbContext
    {
        feature.Services.AddDbContext<TContext>((sp, options) => options.UseTenantDatabase(sp, schema));
        feature.Services.AddSingleton(new FeatureService(feature.FeatureId, FeatureServiceKind.DbContext, typeof(DbContext), typeof(TContext)));
        return feature;
    }

    public static DbContextOptionsBuilder UseTenantDatabase(this DbContextOptionsBuilder options, IServiceProvider sp, string schema)
    {
        var connection = sp.GetRequiredService<TenantDbConnection>().Connection;
        return options.UseModuleNpgsql(connection, schema);
    }

    public static DbContextOptionsBuilder UseModuleNpgsql(this DbContextOptionsBuilder options, System.Data.Common.DbConnection connection, string schema)
    {
        options
            .UseNpgsql(connection, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", schema)
                .ExecutionStrategy(d => new TenantExecutionStrategy(d)))
            .AddInterceptors(StorableTextInterceptor.Instance, BudgetedConnections.Instance)
            // Migrations are written by hand (the EF design-time package is not obtainable here),
            // so there is no model snapshot; a test compares migrated schemas with the model instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return options.Options.ContextType.IsDefined(typeof(KeepsItsOwnNamesAttribute), inherit: true) ? options : options.UseSnakeCaseNames();
    }
}

/// <summary>
/// A module DbContext whose tables and columns are named by someone else (ASP.NET Core Identity's
/// <c>"AspNetUsers"."PasswordHash"</c>), so the snake_case convention (<see cref="SnakeCaseNames"/>) is not applied to it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class KeepsItsOwnNamesAttribute : Attribute;
