namespace Governance.Scenarios;

/// <summary>§8 the year's fees invoiced and (mostly) paid, and §7 a special project split by population.</summary>
internal sealed class FeesOfTheYear(ScenarioApi api, int year, CancellationToken ct)
{
    /// <summary>Invoices in January; five parties pay in full, one in two parts, one in part, one not at all.</summary>
    public async Task InvoiceAndPayAsync()
    {
        var version = (await api.GetAsync($"/api/fees/{year}", ct)).GetProperty("version").GetInt32();
        version = (await api.PostAsync($"/api/fees/{year}/invoices", new { version }, ct))
            .GetProperty("version")
            .GetInt32();
        var schedule = await api.GetAsync($"/api/fees/{year}", ct);
        var fees = schedule
            .GetProperty("lines")
            .EnumerateArray()
            .ToDictionary(l => l.GetProperty("code").GetString()!, l => l.GetProperty("fee").GetDecimal());
        // Invoiced on the service's today: with a real clock a later year; no payment is made before the invoice.
        var invoicedOn = DateOnly.Parse(
            schedule.GetProperty("invoicedOn").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture
        );
        DateOnly After(DateOnly day) => day < invoicedOn ? invoicedOn : day;
        var payments = new List<(string Code, decimal Amount, DateOnly PaidOn)>
        {
            ("0127", fees["0127"], new(year, 3, 10)),
            ("0136", fees["0136"], new(year, 3, 12)),
            ("0126", fees["0126"], new(year, 3, 2)),
            ("0181", fees["0181"], new(year, 3, 15)),
            ("0138", fees["0138"], new(year, 3, 13)),
            ("0192", 50_000m, new(year, 3, 14)),
            ("0192", fees["0192"] - 50_000m, new(year, 4, 30)),
            ("0128", 30_000m, new(year, 4, 2)),
        };
        foreach (var (code, amount, paidOn) in payments)
        {
            version = (
                await api.PostAsync(
                    $"/api/fees/{year}/payments",
                    new
                    {
                        municipalityCode = code,
                        amount,
                        paidOn = MeetingRecorder.Iso(After(paidOn)),
                        version,
                    },
                    ct
                )
            ).GetProperty("version").GetInt32();
        }
    }

    public async Task<Guid> StartSpecialProjectAsync()
    {
        var created = await api.PostAsync(
            "/api/special-projects",
            new
            {
                name = "Gemensam analys av kompetensförsörjningen i vården",
                description = "Särskilt projekt utanför budgeten för de fyra kommuner som deltar.",
                cost = 300_000m,
                participants = new[] { "0127", "0126", "0181", "0138" },
                decidedOn = MeetingRecorder.Iso(new DateOnly(year, 9, 10)),
                decisionReference = $"Samarbetskommittén {year}-09 §4",
            },
            ct
        );
        return created.GetProperty("value").GetGuid();
    }
}
