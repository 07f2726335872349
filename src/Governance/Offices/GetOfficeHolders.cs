using Governance.Municipalities;

namespace Governance.Offices;

public sealed record OfficeHolder(
    Office Office,
    string Title,
    string PersonName,
    string MunicipalityCode,
    string? MunicipalityName,
    DateOnly From,
    DateOnly Until
);

public sealed record OfficeHolders(DateOnly On, IReadOnlyList<OfficeHolder> Holders, int Version);

public static class GetOfficeHoldersEndpoint
{
    public static string TitleOf(Office office) =>
        office switch
        {
            Office.CommitteeChair => "Ordförande i samarbetskommittén",
            Office.CommitteeViceChair => "Vice ordförande i samarbetskommittén",
            Office.ManagementGroupChair => "Ordförande i ledningsgruppen",
            _ => office.ToString(),
        };

    /// <summary>Who held which office on a date (today when no date is given).</summary>
    [WolverineGet("/api/office-holders", OperationId = "GetOfficeHolders")]
    public static async Task<OfficeHolders> Get(
        DateOnly? on,
        IQuerySession session,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var date = on ?? clock.Today();
        var year = await session.LoadAsync<OfficeYear>(OfficeYear.IdFor(date.Year), ct);
        if (year is null)
            return new OfficeHolders(date, [], 0);

        var names = await MunicipalityNames.LoadAsync(session, ct);
        var holders = Enum.GetValues<Office>()
            .Select(office => year.HolderOn(office, date))
            .OfType<Appointment>()
            .Select(a => new OfficeHolder(
                a.Office,
                TitleOf(a.Office),
                a.PersonName,
                a.MunicipalityCode,
                names.GetValueOrDefault(a.MunicipalityCode),
                a.From,
                year.Until(a)
            ))
            .ToList();
        return new OfficeHolders(date, holders, year.Version);
    }
}
