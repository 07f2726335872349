namespace Governance.Scenarios;

/// <summary>
/// The committee's six ordinary meetings of the year, each from scheduling to approved minutes (the December meeting's
/// minutes are still a draft at the year's end): raised and declined matters, agendas, a document, notices, attendance
/// in person, by phone and video with a late arrival and an early departure, decisions by consensus, one not reached
/// because a member objects, one item tabled, and a correction after approval.
/// </summary>
internal sealed class CommitteeMeetings(ScenarioApi api, int year, CancellationToken ct)
{
    public List<Guid> Held { get; } = [];

    public async Task FebruaryAsync()
    {
        var m = await ScheduleAsync(YearCalendar.Thursday(year, 2, 4), "0126", "Huddinge kommunhus, Sessionssalen");
        var housing = await m.RaiseAsync(
            "0127",
            "Gemensam bostadsförsörjningsanalys",
            "beslut",
            "Botkyrka föreslår att kommunerna tar fram en gemensam analys av bostadsbehoven."
        );
        var bridge = await m.RaiseAsync(
            "0136",
            "Lägesrapport om Tvärförbindelse Södertörn",
            "information",
            "Haninge vill att kommittén informeras om hur bygget fortskrider."
        );
        await m.DeclineAsync(bridge, "Ärendet bereds först i ledningsgruppen.");
        var analysis = await m.PutOnAgendaAsync(housing);
        var calendar = await m.PutOnAgendaAsync($"Sammanträdesplan {year + 1}", "beslut");
        await m.AttachAsync(
            calendar,
            $"Förslag till sammanträdesplan {year + 1}",
            "sammantradesplan.pdf",
            YearCalendar.Pdf($"Sammanträdesplan {year + 1}")
        );
        await m.IssueNoticeAsync();

        var early = Guid.Empty;
        foreach (var party in Cast.Parties)
        {
            var (mode, arrived) = party.Code switch
            {
                "0192" => ("phone", "12:00"),
                "0138" => ("video", "12:00"),
                "0140" => ("inPerson", "12:40"),
                _ => ("inPerson", "12:00"),
            };
            var id = await m.AttendAsync(party.Representative, "member", party.Code, mode, arrived);
            if (party.Code == "0127")
                early = id;
        }
        await m.AttendAsync(Cast.Of("0126").Director, "director", "0126", "inPerson", "12:00");
        await m.AttendAsync("Eva Strand, Region Stockholm", "guest", null, "inPerson", "13:00", "13:45");
        // Botkyrka's member left early: the secretary adds the departure to the presence already recorded.
        await m.CorrectAttendanceAsync(
            early,
            Cast.Of("0127").Representative,
            "member",
            "0127",
            "inPerson",
            "12:00",
            "14:30"
        );

        await m.DecideAsync(
            analysis,
            "Kommittén ger kansliet i uppdrag att ta fram en gemensam "
                + "bostadsförsörjningsanalys till sammanträdet i september.",
            "13:00"
        );
        await m.DecideAsync(calendar, $"Kommittén fastställer sammanträdesplanen för {year + 1}.", "14:45");
        await m.WriteMinutesAsync(null, "Ordföranden hälsade välkommen. Ebba Östlin lämnade sammanträdet kl. 14.30.");
        await m.WriteMinutesAsync(analysis, "Botkyrka presenterade förslaget. Ledamöterna var eniga.");
        await HoldAndApproveAsync(m, "15:30");
    }

    /// <summary>April: the plan adopted by a decision (returned), an objection stops a proposal, one tabled.</summary>
    public async Task<(Guid MeetingId, Guid PlanItem)> AprilAsync()
    {
        var m = await ScheduleAsync(YearCalendar.Thursday(year, 4, 1), "0128", "Salems kommunhus");
        var plan = await m.PutOnAgendaAsync($"Fastställande av verksamhetsplan och budget {year}", "verksamhetsplan");
        var procurement = await m.PutOnAgendaAsync(
            await m.RaiseAsync(
                "0192",
                "Gemensam upphandling av pendelbussar",
                "beslut",
                "Nynäshamn föreslår en gemensam upphandling."
            )
        );
        var cycling = await m.PutOnAgendaAsync("Regional cykelplan", "yttrande");
        await m.IssueNoticeAsync();
        foreach (var code in new[] { "0127", "0136", "0126", "0128", "0181", "0138" })
        {
            await m.AttendAsync(
                Cast.Of(code).Representative,
                "member",
                code,
                code == "0136" ? "phone" : "inPerson",
                "12:00"
            );
        }
        await m.AttendAsync(Cast.Of("0192").Representative, "member", "0192", "video", "12:15");

        await m.DecideAsync(plan, $"Kommittén fastställer verksamhetsplan och budget för {year}.", "12:30");
        await m.DecideAsync(
            procurement,
            "Kommittén beslutar att genomföra en gemensam upphandling av pendelbussar.",
            "13:15",
            "0138"
        );
        await m.TableAsync(cycling, "Remissen inkom för sent för att kunna beredas.", "14:00");
        await m.WriteMinutesAsync(procurement, "Tyresö motsatte sig förslaget; ärendet är inte avgjort.");
        await HoldAndApproveAsync(m, "15:00");
        return (m.Id, plan);
    }

    /// <summary>June: approved, then corrected: the decision named the wrong date.</summary>
    public async Task JuneAsync()
    {
        var m = await ScheduleAsync(YearCalendar.Thursday(year, 6, 1), "0140", "Nykvarns kommunhus");
        var transport = await m.PutOnAgendaAsync("Yttrande över regional transportplan", "yttrande");
        var skills = await m.PutOnAgendaAsync("Information om kompetensförsörjning", "information");
        await m.IssueNoticeAsync();
        await AllMembersAsync(m, "12:00");
        await m.DecideAsync(
            transport,
            $"Kommittén avger yttrande över transportplanen senast den 30 juni {year}.",
            "12:45"
        );
        await m.DecideAsync(skills, "Informationen noteras.", "13:30");
        await HoldAndApproveAsync(m, "15:30");
        await m.CorrectAsync(
            transport,
            "decisionWording",
            $"Kommittén avger yttrande över transportplanen senast den 15 augusti {year}.",
            "Datum i beslutet",
            "Remisstiden förlängdes före sammanträdet; minnesanteckningarna angav det gamla datumet."
        );
    }

    public async Task SeptemberAsync()
    {
        var m = await ScheduleAsync(YearCalendar.Thursday(year, 9, 1), "0127", "Botkyrka kommunhus");
        var cycling = await m.PutOnAgendaAsync("Regional cykelplan (bordlagd i april)", "yttrande");
        var notice = await m.PutOnAgendaAsync("Nykvarns uppsägning av samarbetsavtalet", "information");
        await m.IssueNoticeAsync();
        await AllMembersAsync(m, "12:00");
        await m.DecideAsync(cycling, "Kommittén ställer sig bakom förslaget till regional cykelplan.", "12:30");
        await m.DecideAsync(
            notice,
            "Informationen noteras. Kansliet bereder de ändringar av avtalet som utträdet kräver.",
            "13:00"
        );
        await HoldAndApproveAsync(m, "14:30");
    }

    /// <summary>October: the amendment the withdrawal requires is decided; returns the meeting's date.</summary>
    public async Task<DateOnly> OctoberAsync()
    {
        var date = YearCalendar.Thursday(year, 10, 20);
        var m = await ScheduleAsync(date, "0192", "Nynäshamns kommunhus");
        var amendment = await m.PutOnAgendaAsync("Ändring av samarbetsavtalet §8 efter Nykvarns utträde", "avtal");
        var budget = await m.PutOnAgendaAsync($"Inriktning för budget {year + 1}", "beslut");
        await m.IssueNoticeAsync();
        await AllMembersAsync(m, "12:00");
        await m.DecideAsync(amendment, "Kommittén föreslår parterna att anta ändringen av §8.", "12:30");
        await m.DecideAsync(budget, $"Avgiften för {year + 1} föreslås vara oförändrad, 4 kr per invånare.", "13:30");
        await HoldAndApproveAsync(m, "15:00");
        return date;
    }

    /// <summary>December: held and closed; the minutes are approved in the new year.</summary>
    public async Task DecemberAsync()
    {
        var m = await ScheduleAsync(YearCalendar.Thursday(year, 12, 7), "0181", "Södertälje stadshus");
        var report = await m.PutOnAgendaAsync($"Uppföljning av verksamhetsplanen {year}", "uppföljning");
        await m.IssueNoticeAsync();
        await AllMembersAsync(m, "12:00");
        await m.DecideAsync(report, "Uppföljningen godkänns.", "12:30");
        await m.WriteMinutesAsync(report, "Kansliet redogjorde för aktiviteterna.");
        await m.CloseAsync("13:30");
        Held.Add(m.Id);
    }

    private async Task<MeetingRecorder> ScheduleAsync(DateOnly date, string host, string place) =>
        await MeetingRecorder.ScheduleAsync(api, "committee", "ordinary", date, "12:00", "15:30", host, place, ct);

    private static async Task AllMembersAsync(MeetingRecorder m, string arrived)
    {
        foreach (var party in Cast.Parties)
            await m.AttendAsync(party.Representative, "member", party.Code, "inPerson", arrived);
    }

    private async Task HoldAndApproveAsync(MeetingRecorder m, string closedAt)
    {
        await m.CloseAsync(closedAt);
        await m.ApproveAsync();
        Held.Add(m.Id);
    }
}
