namespace Governance.Scenarios;

/// <summary>The directors' management group: a meeting moved a week and then held, and one cancelled.</summary>
internal sealed class ManagementGroupMeetings(ScenarioApi api, int year, CancellationToken ct)
{
    public List<Guid> Meetings { get; } = [];

    public async Task RescheduledAndHeldAsync()
    {
        var planned = YearCalendar.Friday(year, 3, 6);
        var m = await ScheduleAsync(planned);
        await m.RescheduleAsync(
            planned.AddDays(7),
            "08:30",
            "11:00",
            "0181",
            "Södertälje stadshus, rum Torekällberget"
        );
        var bridge = await m.PutOnAgendaAsync("Lägesrapport om Tvärförbindelse Södertörn", "information");
        var budget = await m.PutOnAgendaAsync($"Beredning av budget {year + 1}", "beredning");
        await m.IssueNoticeAsync();
        foreach (var party in Cast.Parties.Where(p => p.Code is not ("0140" or "0192")))
        {
            await m.AttendAsync(
                party.Director,
                "director",
                party.Code,
                party.Code == "0138" ? "video" : "inPerson",
                "08:30"
            );
        }
        await m.DecideAsync(
            bridge,
            "Ledningsgruppen noterar informationen och tar upp ärendet i kommittén i juni.",
            "09:00"
        );
        await m.DecideAsync(budget, "Kansliet tar fram ett budgetförslag till ledningsgruppens majmöte.", "10:00");
        await m.WriteMinutesAsync(null, "Mötet flyttades en vecka på grund av krockande kommunstyrelsesammanträden.");
        await m.CloseAsync("10:45");
        await m.ApproveAsync();
        Meetings.Add(m.Id);
    }

    public async Task CancelledAsync()
    {
        var m = await ScheduleAsync(YearCalendar.Friday(year, 5, 8));
        await m.CancelAsync("Inställt: inga ärenden att behandla.");
        Meetings.Add(m.Id);
    }

    private Task<MeetingRecorder> ScheduleAsync(DateOnly date) =>
        MeetingRecorder.ScheduleAsync(
            api,
            "managementGroup",
            "ordinary",
            date,
            "08:30",
            "11:00",
            "0126",
            "Huddinge kommunhus",
            ct
        );
}
