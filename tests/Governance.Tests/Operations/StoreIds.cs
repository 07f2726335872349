using Governance.Scenarios;

namespace Governance.Tests.Operations;

/// <summary>The ids of everything in the store, read through the API as the secretary, to fill routes with.</summary>
internal sealed record StoreIds(
    int Year,
    IReadOnlyList<string> Meetings,
    IReadOnlyList<string> Municipalities,
    IReadOnlyList<string> Documents,
    IReadOnlyList<string> Deliveries,
    IReadOnlyList<string> Projects,
    IReadOnlyList<string> ChainHashes
)
{
    /// <summary>The reference data's year, the recorded year and the next (with no fees or plan yet).</summary>
    private IReadOnlyList<string> Years => ["2020", $"{Year}", $"{Year + 1}"];

    public IReadOnlyList<string>? For(string routeParameter) =>
        routeParameter switch
        {
            "meetingId" => Meetings,
            "municipalityId" => Municipalities,
            "year" => Years,
            "sha256" => Documents,
            "deliveryId" => Deliveries,
            "projectId" => Projects,
            "chainHash" => ChainHashes,
            _ => null,
        };

    public static async Task<StoreIds> ListAsync(ReadModelAnswers api, int year)
    {
        // The reference data's meetings and the recorded year's, every page; without them every read of a meeting
        // (its minutes, quorum, PDF, documents and chain hashes) would be left out of the comparison unnoticed.
        var meetings = new List<string>();
        foreach (var y in new[] { 2020, year }.Distinct())
            meetings.AddRange(
                (await MeetingsOfYear.ReadAsync(api.GetJsonAsync, y)).Select(m => m.GetProperty("id").GetString()!)
            );
        if (meetings.Count == 0)
            throw new InvalidOperationException($"No meetings in {year}: the comparison would leave them all out.");
        var documents = new List<string>();
        foreach (var meeting in meetings)
        {
            var agenda = (await api.GetJsonAsync($"/api/meetings/{meeting}")).GetProperty("agenda").EnumerateArray();
            documents.AddRange(
                agenda
                    .SelectMany(i => i.GetProperty("documents").EnumerateArray())
                    .Select(d => d.GetProperty("sha256").GetString()!)
            );
        }
        var municipalities = (await api.GetJsonAsync("/api/municipalities"))
            .EnumerateArray()
            .Select(m => m.GetProperty("id").GetString()!)
            .ToList();
        var deliveries = (await api.GetJsonAsync("/api/distribution?pageSize=100"))
            .GetProperty("documents")
            .EnumerateArray()
            .SelectMany(d => d.GetProperty("deliveries").EnumerateArray())
            .Select(d => d.GetProperty("deliveryId").GetString()!)
            .ToList();
        var projects = (await api.GetJsonAsync("/api/special-projects"))
            .EnumerateArray()
            .Select(p => p.GetProperty("id").GetString()!)
            .ToList();
        // The chain hashes printed in the minutes (at each approval and correction), and one the record never held.
        var chainHashes = new List<string> { new('0', 64) };
        foreach (var meeting in meetings)
        {
            var anchors = (await api.GetJsonAsync($"/api/meetings/{meeting}/minutes")).GetProperty("anchors");
            if (anchors.ValueKind != System.Text.Json.JsonValueKind.Object)
                continue;
            var approval = anchors.GetProperty("approval");
            if (approval.ValueKind == System.Text.Json.JsonValueKind.Object)
                chainHashes.Add(approval.GetProperty("chainHash").GetString()!);
            chainHashes.AddRange(
                anchors
                    .GetProperty("corrections")
                    .EnumerateArray()
                    .Where(c => c.ValueKind == System.Text.Json.JsonValueKind.Object)
                    .Select(c => c.GetProperty("chainHash").GetString()!)
            );
        }
        return new StoreIds(
            year,
            meetings,
            municipalities,
            [.. documents.Distinct()],
            deliveries,
            projects,
            chainHashes
        );
    }
}
