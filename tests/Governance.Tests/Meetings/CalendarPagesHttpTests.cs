using System.Text.Json;
using Alba;
using Governance.Meetings;
using Governance.Tests.Support;

namespace Governance.Tests.Meetings;

/// <summary>A year of meetings a page at a time (the API and the calendar page), by date and time of day.</summary>
public class CalendarPagesHttpTests(AppFixture fixture) : MeetingScenario(fixture)
{
    [Fact]
    public async Task the_pages_of_a_year_together_are_the_year_in_order_of_date_and_time()
    {
        await GivenReferenceData();
        var whole = await Get<MeetingCalendarPage>("/api/meetings?year=2020");
        Assert.Equal((1, 50, false, 14), (whole.Page, whole.PageSize, whole.More, whole.Meetings.Count));
        Assert.Equal(
            whole.Meetings.OrderBy(m => m.Date).ThenBy(m => m.StartsAt).Select(m => m.Id),
            whole.Meetings.Select(m => m.Id)
        );

        var pages = new List<MeetingCalendarPage>();
        for (var page = 1; page <= 4; page++)
            pages.Add(await Get<MeetingCalendarPage>($"/api/meetings?year=2020&page={page}&pageSize=5"));
        Assert.Equal([true, true, false, false], pages.Select(p => p.More));
        Assert.Equal([5, 5, 4, 0], pages.Select(p => p.Meetings.Count));
        Assert.Equal(whole.Meetings.Select(m => m.Id), pages.SelectMany(p => p.Meetings).Select(m => m.Id));
    }

    [Fact]
    public async Task meetings_of_one_day_come_by_their_time_whatever_order_they_were_planned_in()
    {
        await GivenReferenceData();
        var late = await Schedule("2023-05-10", startsAt: "14:00");
        var early = await Schedule("2023-05-10", startsAt: "09:00");
        var before = await Schedule("2023-05-09", startsAt: "13:00");
        var pages = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            var calendar = await Get<MeetingCalendarPage>($"/api/meetings?year=2023&page={page}&pageSize=1");
            pages.AddRange(calendar.Meetings.Select(m => m.Id));
        }
        Assert.Equal([before, early, late], pages);
    }

    [Fact]
    public async Task a_page_deeper_than_the_bound_is_refused_naming_the_page()
    {
        var deepest = GetMeetingsOfYearEndpoint.Pages.DeepestPage(GetMeetingsOfYearEndpoint.DefaultPageSize);
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/meetings?year=2020&page={deepest + 1}");
            s.StatusCodeShouldBe(400);
        });
        var problem = await result.ReadAsJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("page")[0].GetString();
        Assert.StartsWith($"Högst {GetMeetingsOfYearEndpoint.MaxDepth} sammanträden om året", message);
    }

    [Fact]
    public async Task the_calendar_page_of_a_full_year_pages_by_fifty()
    {
        await GivenReferenceData();
        var first = new DateOnly(2023, 1, 2);
        var meetings = new List<Guid>();
        for (var day = 0; day <= GetMeetingsOfYearEndpoint.DefaultPageSize; day++)
            meetings.Add(await Schedule(first.AddDays(day).ToString("yyyy-MM-dd")));

        var one = (await Host.Scenario(s => s.Get.Url("/kalender?ar=2023"))).ReadAsText();
        Assert.Contains(meetings[0].ToString(), one, StringComparison.Ordinal);
        Assert.DoesNotContain(meetings[^1].ToString(), one, StringComparison.Ordinal);
        Assert.Contains("href=\"/kalender?ar=2023&sida=2\">Nästa sida", one, StringComparison.Ordinal);
        Assert.DoesNotContain("Föregående sida", one, StringComparison.Ordinal);

        var two = (await Host.Scenario(s => s.Get.Url("/kalender?ar=2023&sida=2"))).ReadAsText();
        Assert.Contains(meetings[^1].ToString(), two, StringComparison.Ordinal);
        Assert.DoesNotContain(meetings[0].ToString(), two, StringComparison.Ordinal);
        Assert.Contains("href=\"/kalender?ar=2023&sida=1\">Föregående sida", two, StringComparison.Ordinal);
        Assert.DoesNotContain("Nästa sida", two, StringComparison.Ordinal);
    }
}
