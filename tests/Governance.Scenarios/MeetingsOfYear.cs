using System.Text.Json;

namespace Governance.Scenarios;

/// <summary>
/// A year's meetings through the API, every page of it: a reader that stopped at the first page would leave the rest
/// of a long year out.
/// </summary>
public static class MeetingsOfYear
{
    /// <summary>Each meeting of the year as the calendar gives it; <paramref name="get"/> reads a URL.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ReadAsync(Func<string, Task<JsonElement>> get, int year)
    {
        var meetings = new List<JsonElement>();
        for (var (page, more) = (1, true); more; page++)
        {
            var calendar = await get($"/api/meetings?year={year}&pageSize=100&page={page}");
            more = calendar.GetProperty("more").GetBoolean();
            meetings.AddRange(calendar.GetProperty("meetings").EnumerateArray());
        }
        return meetings;
    }
}
