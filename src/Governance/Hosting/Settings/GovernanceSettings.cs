using Governance.Decisions;
using Governance.Decisions.Swedish;
using Governance.Distribution;
using Governance.Hosting.Cluster;
using Governance.Hosting.Database;
using Microsoft.Extensions.Options;

namespace Governance.Hosting.Settings;

/// <summary>The typed settings the service runs with, bound and checked once at start.</summary>
public sealed record GovernanceSettings(
    SmtpOptions Smtp,
    DistributionOptions Distribution,
    KeyProtectionOptions KeyProtection,
    DurabilityOptions Durability
)
{
    /// <summary>
    /// Binds every setting and checks them all before anything starts. Outside Development, running the service
    /// without a setting whose default would be wrong in production (public address, database, sign-in provider,
    /// mail server, key protection) is refused, with one message listing each. An invalid value is refused everywhere.
    /// Commands (db-apply, projections, …) need only what they use.
    /// </summary>
    public static GovernanceSettings Add(WebApplicationBuilder builder, bool runningTheService)
    {
        var configuration = builder.Configuration;
        var problems = new SettingProblems(builder.Environment, demandComplete: runningTheService);
        var smtp = Bind<SmtpOptions>(configuration, SmtpOptions.Section, problems);
        var distribution = Bind<DistributionOptions>(configuration, DistributionOptions.Section, problems);
        var keys = Bind<KeyProtectionOptions>(configuration, KeyProtectionOptions.Section, problems);
        var search = Bind<SearchOptions>(configuration, SearchOptions.Section, problems);
        var durability = Bind<DurabilityOptions>(configuration, DurabilityOptions.Section, problems);
        var analyser = search.Start(problems);
        smtp.Check(problems);
        distribution.Check(problems);
        keys.Check(problems);
        durability.Check(problems);
        Infrastructure.Security.AuthenticationSetup.Check(configuration, problems);
        if (DatabaseSetup.Configured(configuration) is null)
            problems.Missing(
                "ConnectionStrings:Governance",
                "the PostgreSQL connection string (or GOVERNANCE_DB); "
                    + "a private local cluster is for a developer's machine"
            );
        if (!int.TryParse(configuration["Governance:NoticeDays"] ?? "7", out var days) || days < 0)
            problems.Invalid("Governance:NoticeDays", "is not a number of days");
        if (problems.All.Count > 0)
            throw new InvalidSettingsException(problems.All);

        // On a developer's machine the links point where the service listens.
        if (string.IsNullOrWhiteSpace(distribution.PublicBaseUrl))
            distribution.PublicBaseUrl = ListeningAddress(configuration);
        distribution.PublicBaseUrl = distribution.PublicBaseUrl.TrimEnd('/');

        var services = builder.Services;
        services.AddSingleton(smtp).AddSingleton(Options.Create(smtp));
        services.AddSingleton(distribution).AddSingleton(Options.Create(distribution));
        services.AddSingleton(keys).AddSingleton(Options.Create(keys));
        var lemmas = new SwedishLemmas(analyser, ReferenceData.Sodertorn.Parties.Select(p => p.Name));
        services.AddSingleton(analyser).AddSingleton(lemmas);
        services.AddSingleton<IConfigureMarten>(new DecisionsStore(lemmas));
        return new GovernanceSettings(smtp, distribution, keys, durability);
    }

    private static T Bind<T>(IConfiguration configuration, string section, SettingProblems problems)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            problems.Invalid(section, $"cannot be read: {e.InnerException?.Message ?? e.Message}");
            return new T();
        }
    }

    private static string ListeningAddress(IConfiguration configuration)
    {
        var first = configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim();
        return first is null
            ? GovernanceHost.DefaultUrl
            : first
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
    }
}
