using System.Text.Json;

namespace Governance.Scenarios;

/// <summary>One meeting recorded step by step; each command carries the version the previous answer gave.</summary>
public sealed class MeetingRecorder
{
    private readonly ScenarioApi _api;
    private readonly CancellationToken _ct;
    private JsonElement _meeting;

    private MeetingRecorder(ScenarioApi api, Guid id, CancellationToken ct)
    {
        _api = api;
        Id = id;
        _ct = ct;
    }

    public Guid Id { get; }
    public int Version { get; private set; } = 1;
    private string Url => $"/api/meetings/{Id}";

    public static async Task<MeetingRecorder> ScheduleAsync(
        ScenarioApi api,
        string body,
        string kind,
        DateOnly date,
        string startsAt,
        string endsAt,
        string host,
        string place,
        CancellationToken ct
    )
    {
        var created = await api.PostAsync(
            "/api/meetings",
            new
            {
                body,
                kind,
                date = Iso(date),
                startsAt,
                endsAt,
                hostMunicipalityCode = host,
                place,
            },
            ct
        );
        return new MeetingRecorder(api, created.GetProperty("value").GetGuid(), ct);
    }

    public Task RescheduleAsync(DateOnly date, string startsAt, string endsAt, string host, string place) =>
        Act(
            "/reschedule",
            new
            {
                date = Iso(date),
                startsAt,
                endsAt,
                hostMunicipalityCode = host,
                place,
            }
        );

    public Task CancelAsync(string reason) => Act("/cancel", new { reason });

    /// <summary>A member raises a matter for its own municipality; returns the matter's id.</summary>
    public async Task<Guid> RaiseAsync(string code, string title, string kind, string description)
    {
        await Act(
            "/matters",
            new
            {
                title,
                description,
                kind,
                municipalityCode = code,
            },
            "member",
            code
        );
        return _meeting.GetProperty("matters").EnumerateArray().Last().GetProperty("matterId").GetGuid();
    }

    public Task DeclineAsync(Guid matterId, string reason) =>
        Act($"/matters/{matterId}/decline", new { reason }, "chair");

    /// <summary>The chair puts a raised matter on the agenda; returns the item's id.</summary>
    public async Task<Guid> PutOnAgendaAsync(Guid matterId)
    {
        await Act("/agenda", new { matterId }, "chair");
        return LastItem();
    }

    /// <summary>The chair puts an item of the chair's own on the agenda; returns its id.</summary>
    public async Task<Guid> PutOnAgendaAsync(string title, string kind)
    {
        await Act("/agenda", new { title, kind }, "chair");
        return LastItem();
    }

    public async Task AttachAsync(Guid itemId, string title, string fileName, byte[] content)
    {
        _meeting = await _api.AttachAsync($"{Url}/agenda/{itemId}/documents", title, fileName, content, Version, _ct);
        Version = _meeting.GetProperty("version").GetInt32();
    }

    public Task IssueNoticeAsync() => Act("/notice", new { }, "chair");

    /// <summary>A member (or, in the management group, a director) present; returns the attendance id.</summary>
    public async Task<Guid> AttendAsync(
        string person,
        string role,
        string? code,
        string mode,
        string arrivedAt,
        string? departedAt = null
    )
    {
        await Act(
            "/attendance",
            new
            {
                personName = person,
                role,
                municipalityCode = code,
                mode,
                arrivedAt,
                departedAt,
            }
        );
        return _meeting.GetProperty("attendance").EnumerateArray().Last().GetProperty("attendanceId").GetGuid();
    }

    /// <summary>A presence recorded anew, e.g. with the departure the secretary learnt of later.</summary>
    public Task CorrectAttendanceAsync(
        Guid attendanceId,
        string person,
        string role,
        string code,
        string mode,
        string arrivedAt,
        string departedAt
    ) =>
        Act(
            "/attendance",
            new
            {
                attendanceId,
                personName = person,
                role,
                municipalityCode = code,
                mode,
                arrivedAt,
                departedAt,
            }
        );

    public Task DecideAsync(Guid itemId, string wording, string at, params string[] objectors) =>
        Act(
            $"/agenda/{itemId}/decision",
            new
            {
                wording,
                at,
                objectors,
            }
        );

    public Task TableAsync(Guid itemId, string reason, string at) =>
        Act($"/agenda/{itemId}/tabled", new { reason, at });

    public Task WriteMinutesAsync(Guid? itemId, string text) => Act("/minutes/text", new { itemId, text });

    public Task CloseAsync(string at) => Act("/close", new { at });

    public Task ApproveAsync() => Act("/minutes/approval", new { }, "chair");

    public Task CorrectAsync(Guid? itemId, string target, string newText, string what, string why) =>
        Act(
            "/minutes/corrections",
            new
            {
                itemId,
                target,
                newText,
                what,
                why,
            },
            "chair"
        );

    private Guid LastItem() => _meeting.GetProperty("agenda").EnumerateArray().Last().GetProperty("itemId").GetGuid();

    private async Task Act(string path, object body, string role = "secretary", string? municipality = null)
    {
        var withVersion = JsonSerializer
            .SerializeToElement(body)
            .EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value);
        withVersion["version"] = Version;
        _meeting = await _api.PostAsync(Url + path, withVersion, _ct, role, municipality);
        Version = _meeting.GetProperty("version").GetInt32();
    }

    internal static string Iso(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
