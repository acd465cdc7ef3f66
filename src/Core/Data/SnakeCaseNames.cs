using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Data;

/// <summary>
/// Tables and columns named in snake_case by EFCore.NamingConventions (<c>DiubahPada</c> → <c>diubah_pada</c>, a DbSet
/// <c>ImportJobs</c> → table <c>import_jobs</c>), so models write only the names that differ. Keys, foreign keys and
/// indexes keep EF's own names (<c>PK_students</c>, <c>IX_import_jobs_status_dibuat_pada</c>): every campus database
/// already has them under those names from the hand-written migrations, and the library would lower-case them.
/// </summary>
public static class SnakeCaseNames
{
    public static DbContextOptionsBuilder UseSnakeCaseNames(this DbContextOptionsBuilder options)
    {
        options.UseSnakeCaseNamingConvention(CultureInfo.InvariantCulture);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new KeepConstraintNamesExtension());
        return options;
    }

    private sealed class KeepConstraintNamesExtension : IDbContextOptionsExtension
    {
        public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services) =>
            new EntityFrameworkServicesBuilder(services).TryAdd<IConventionSetPlugin, KeepConstraintNamesPlugin>();

        public void Validate(IDbContextOptions options) { }

        private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            public override bool IsDatabaseProvider => false;
            public override string LogFragment => "using EF constraint names ";
            public override int GetServiceProviderHashCode() => 0;
            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["CampusKonseling:KeepConstraintNames"] = "1";
        }
    }

    private sealed class KeepConstraintNamesPlugin : IConventionSetPlugin
    {
        public ConventionSet ModifyConventions(ConventionSet conventionSet)
        {
            conventionSet.ModelFinalizingConventions.Add(new KeepConstraintNames());
            return conventionSet;
        }
    }

    /// <summary>Drops the names the naming convention gave keys, foreign keys and indexes, so EF's defaults apply again.</summary>
    private sealed class KeepConstraintNames : IModelFinalizingConvention
    {
        public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
        {
            foreach (var entity in modelBuilder.Metadata.GetEntityTypes())
            {
                foreach (var key in entity.GetDeclaredKeys().Where(k => k.GetNameConfigurationSource() == ConfigurationSource.Convention))
                    key.Builder.HasNoAnnotation(RelationalAnnotationNames.Name);
                foreach (var fk in entity.GetDeclaredForeignKeys().Where(f => f.GetConstraintNameConfigurationSource() == ConfigurationSource.Convention))
                    fk.Builder.HasNoAnnotation(RelationalAnnotationNames.Name);
                foreach (var index in entity.GetDeclaredIndexes().Where(i => i.GetDatabaseNameConfigurationSource() == ConfigurationSource.Convention))
                    index.Builder.HasNoAnnotation(RelationalAnnotationNames.Name);
            }
        }
    }
}
