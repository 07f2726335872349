namespace Governance.Scenarios;

/// <summary>
/// The register at the start of the year: the parties (registered and bound by the agreement first, when the store
/// lacks the reference data), each party's member and director, last year's populations and the year's offices.
/// </summary>
internal static class RegisterOfTheYear
{
    public static async Task RecordAsync(ScenarioApi api, int year, CancellationToken ct)
    {
        if ((await api.GetAsync("/api/municipalities", ct)).GetArrayLength() == 0)
            await RegisterPartiesAsync(api, ct);

        var from = MeetingRecorder.Iso(new DateOnly(year, 1, 1));
        var register = (await api.GetAsync("/api/municipalities", ct))
            .EnumerateArray()
            .ToDictionary(m => m.GetProperty("code").GetString()!, m => m);
        foreach (var party in Cast.Parties)
        {
            var url = $"/api/municipalities/{register[party.Code].GetProperty("id").GetGuid()}";
            var version = register[party.Code].GetProperty("version").GetInt32();
            version = await VersionAfter(
                api.PostAsync(
                    $"{url}/representatives",
                    new
                    {
                        personName = party.Representative,
                        from,
                        version,
                    },
                    ct
                )
            );
            version = await VersionAfter(
                api.PostAsync(
                    $"{url}/directors",
                    new
                    {
                        personName = party.Director,
                        from,
                        version,
                    },
                    ct
                )
            );
            await api.PostAsync(
                $"{url}/populations",
                new
                {
                    year = year - 1,
                    population = party.Population,
                    isSample = false,
                    source = $"SCB, folkmängd 31 december {year - 1}",
                    version,
                },
                ct
            );
        }

        var offices = (await api.GetAsync($"/api/office-holders?on={from}", ct)).GetProperty("version").GetInt32();
        if (offices > 0)
            throw new InvalidOperationException($"The offices of {year} are already recorded.");
        var version2 = await VersionAfter(
            api.PostAsync(
                "/api/offices/chair",
                new
                {
                    year,
                    body = "committee",
                    municipalityCode = Cast.Chair.Code,
                    personName = Cast.Chair.Representative,
                    version = 0,
                },
                ct
            )
        );
        version2 = await VersionAfter(
            api.PostAsync(
                "/api/offices/vice-chair",
                new
                {
                    year,
                    municipalityCode = Cast.ViceChair.Code,
                    personName = Cast.ViceChair.Representative,
                    version = version2,
                },
                ct
            )
        );
        await api.PostAsync(
            "/api/offices/chair",
            new
            {
                year,
                body = "managementGroup",
                municipalityCode = Cast.ManagementGroupChair.Code,
                personName = Cast.ManagementGroupChair.Director,
                version = version2,
            },
            ct
        );
    }

    /// <summary>As the reference data would: the eight parties, the 2010 agreement and the per-capita fee.</summary>
    private static async Task RegisterPartiesAsync(ScenarioApi api, CancellationToken ct)
    {
        foreach (var party in Cast.Parties)
        {
            var domain = party.Name.ToLowerInvariant().Replace('ä', 'a').Replace('ö', 'o').Replace('å', 'a');
            await api.PostAsync(
                "/api/municipalities",
                new
                {
                    code = party.Code,
                    name = party.Name,
                    registryEmail = $"registrator@{domain}.se",
                },
                ct
            );
        }
        await api.PostAsync(
            "/api/agreement",
            new
            {
                inForceFrom = "2010-01-01",
                parties = Cast.Parties.Select(p => new { municipalityCode = p.Code, signedOn = "2010-06-10" }),
            },
            ct
        );
        await api.PostAsync(
            "/api/fees/rules",
            new
            {
                kind = "perCapita",
                fromYear = 2017,
                perInhabitant = 4m,
                decidedOn = "2017-02-02",
                decisionReference = "Samarbetskommitténs beslut 2017-02-02",
                version = 0,
            },
            ct
        );
    }

    private static async Task<int> VersionAfter(Task<System.Text.Json.JsonElement> command) =>
        (await command).GetProperty("version").GetInt32();
}
