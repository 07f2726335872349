using Governance.Scenarios;

namespace Governance.Bench;

/// <summary>
/// Years of committee work recorded through the HTTP API by eight workers, each a meeting at a time, as the
/// secretary, the chair and the members would: matters raised and put on the agenda, the notice, attendance,
/// decisions (some not reached, some tabled), the minutes written, the meeting closed and its minutes approved (which
/// sends them to the registries). Then one full committee year of the scenario, for every other kind of record.
/// </summary>
public sealed class Seeder(HttpClient client, Func<string, string?, string> tokens, BenchOptions options)
{
    private static readonly string[] Times = ["09:00", "10:00", "13:00"];

    public IReadOnlyList<int> Years =>
        [.. Enumerable.Range(options.FirstYear, options.Years + 1).Where(y => y != 2020).Take(options.Years)];

    /// <summary>The year of the full committee year recorded after the others.</summary>
    public int LastYear => Years[^1] + 1;

    public async Task SeedAsync()
    {
        var api = new ScenarioApi(client, tokens);
        foreach (var year in Years)
            await NameOfficeHoldersAsync(api, year);
        await InTurnsAsync(options.Meetings, "meetings seeded", n => MeetingAsync(api, n));
        await CommitteeYear.RecordAsync(client, tokens, LastYear);
    }

    /// <summary>
    /// About <paramref name="events"/> events more: matters raised, a hundred a meeting, for meetings of next year,
    /// not yet held. A store kept for decades holds more events than its meetings alone make.
    /// </summary>
    public async Task RaiseBacklogAsync(long events)
    {
        const int matters = 100;
        var api = new ScenarioApi(client, tokens);
        var meetings = (int)((events + matters) / (matters + 1));
        var first = new DateOnly(DateTime.UtcNow.Year + 1, 1, 2);
        // Hosts and raisers among the parties that are members all year (one may be leaving by then).
        var parties = Cast.Parties.ToList();
        foreach (var on in new[] { first, first.AddDays(360) })
        {
            var members = await api.GetAsync($"/api/agreement/members?on={on:yyyy-MM-dd}", default);
            var codes = members.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("code").GetString());
            parties.RemoveAll(p => !codes.Contains(p.Code));
        }
        await InTurnsAsync(
            meetings,
            "meetings given their matters",
            async n =>
            {
                var host = parties[n % parties.Count];
                var m = await MeetingRecorder.ScheduleAsync(
                    api,
                    "committee",
                    "ordinary",
                    first.AddDays(n % 360),
                    Times[n % Times.Length],
                    "17:00",
                    host.Code,
                    $"{host.Name}s kommunhus",
                    default
                );
                for (var i = 0; i < matters; i++)
                {
                    var k = n * matters + i;
                    var raiser = parties[k % parties.Count];
                    await m.RaiseAsync(
                        raiser.Code,
                        Vocabulary.Title(k),
                        Vocabulary.Kind(k),
                        Vocabulary.Description(k, raiser.Name)
                    );
                }
            }
        );
    }

    /// <summary>Items 0…count−1 by the benchmark's clients, each taking the next in turn; progress every 5 %.</summary>
    private static async Task InTurnsAsync(int count, string what, Func<int, Task> item)
    {
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = BenchOptions.Clients },
            async (n, _) =>
            {
                await item(n);
                var finished = Interlocked.Increment(ref done);
                if (finished % Math.Max(1, count / 20) == 0)
                    Console.Error.WriteLine($"{finished} of {count} {what}");
            }
        );
    }

    /// <summary>Each party's member and director from the first of January, as the register records them.</summary>
    private static async Task NameOfficeHoldersAsync(ScenarioApi api, int year)
    {
        var from = $"{year}-01-01";
        foreach (var municipality in (await api.GetAsync("/api/municipalities", default)).EnumerateArray())
        {
            var url = $"/api/municipalities/{municipality.GetProperty("id").GetGuid()}";
            var party = Cast.Of(municipality.GetProperty("code").GetString()!);
            var version = municipality.GetProperty("version").GetInt32();
            version = (
                await api.PostAsync(
                    $"{url}/representatives",
                    new
                    {
                        personName = party.Representative,
                        from,
                        version,
                    },
                    default
                )
            ).GetProperty("version").GetInt32();
            await api.PostAsync(
                $"{url}/directors",
                new
                {
                    personName = party.Director,
                    from,
                    version,
                },
                default
            );
        }
    }

    private async Task MeetingAsync(ScenarioApi api, int n)
    {
        var years = Years;
        var year = years[n % years.Count];
        var date = new DateOnly(year, 1, 2).AddDays(n / years.Count % 360);
        var host = Cast.Parties[n % Cast.Parties.Count];
        var start = Times[n % Times.Length];
        var m = await MeetingRecorder.ScheduleAsync(
            api,
            n % 5 == 0 ? "managementGroup" : "committee",
            "ordinary",
            date,
            start,
            "17:00",
            host.Code,
            $"{host.Name}s kommunhus",
            default
        );
        var items = new List<Guid>();
        for (var i = 0; i < options.ItemsPerMeeting; i++)
        {
            var k = n * options.ItemsPerMeeting + i;
            var raiser = Cast.Parties[k % Cast.Parties.Count];
            items.Add(
                i % 4 == 3
                    ? await m.PutOnAgendaAsync(Vocabulary.Title(k), Vocabulary.Kind(k))
                    : await m.PutOnAgendaAsync(
                        await m.RaiseAsync(
                            raiser.Code,
                            Vocabulary.Title(k),
                            Vocabulary.Kind(k),
                            Vocabulary.Description(k, raiser.Name)
                        )
                    )
            );
        }
        await m.IssueNoticeAsync();
        var management = n % 5 == 0;
        foreach (var party in Cast.Parties)
            await m.AttendAsync(
                management ? party.Director : party.Representative,
                management ? "director" : "member",
                party.Code,
                "inPerson",
                start
            );
        var at = TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < items.Count; i++)
        {
            var k = n * options.ItemsPerMeeting + i;
            var moment = at.AddMinutes(i + 1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var party = Cast.Parties[(k / 3) % Cast.Parties.Count];
            if (k % 17 == 5)
                await m.TableAsync(items[i], "Ärendet behöver beredas vidare.", moment);
            else if (k % 13 == 7)
                await m.DecideAsync(items[i], Vocabulary.Wording(k, party.Name), moment, party.Code);
            else
                await m.DecideAsync(items[i], Vocabulary.Wording(k, party.Name), moment);
            if (i % 2 == 0)
                await m.WriteMinutesAsync(items[i], $"{party.Name} föredrog ärendet. Ledamöterna diskuterade.");
        }
        await m.WriteMinutesAsync(null, "Ordföranden hälsade välkommen och förklarade sammanträdet öppnat.");
        await m.CloseAsync(
            at.AddMinutes(items.Count + 5).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        );
        await m.ApproveAsync();
    }
}
