namespace Governance.Hosting.Database;

/// <summary>Decides which PostgreSQL the service uses: the configured one, or a private local cluster.</summary>
public static class DatabaseSetup
{
    public const string DatabaseName = "governance";

    /// <summary>The configured connection string, from GOVERNANCE_DB or ConnectionStrings:Governance.</summary>
    public static string? Configured(IConfiguration configuration) =>
        NullIfBlank(configuration["GOVERNANCE_DB"]) ?? NullIfBlank(configuration.GetConnectionString("Governance"));

    /// <summary>
    /// The project-local folder for state the service keeps on a developer machine: the repository
    /// root's `.governance` when run from a checkout, else the content root's. GOVERNANCE_DATA_DIR overrides.
    /// </summary>
    public static string LocalStateFolder(IConfiguration configuration, string contentRoot)
    {
        if (NullIfBlank(configuration["GOVERNANCE_DATA_DIR"]) is { } configured)
            return Path.GetFullPath(configured);
        foreach (var start in new[] { contentRoot, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
                    return Path.Combine(dir.FullName, ".governance");
            }
        }
        return Path.Combine(contentRoot, ".governance");
    }

    /// <summary>Starts (or reuses) the local cluster and makes sure the service's database exists.</summary>
    public static async Task<(LocalPostgresCluster Cluster, string ConnectionString)> StartLocalAsync(
        string stateFolder
    )
    {
        var cluster = LocalPostgresCluster.Start(Path.Combine(stateFolder, "postgres"));
        try
        {
            await cluster.EnsureDatabaseAsync(DatabaseName);
        }
        catch
        {
            cluster.Dispose(); // stops it only if this process started it
            throw;
        }
        return (cluster, cluster.ConnectionString(DatabaseName));
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
