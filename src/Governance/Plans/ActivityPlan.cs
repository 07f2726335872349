using Governance.Infrastructure.Ids;

namespace Governance.Plans;

public sealed record ProposalDelivery(string MunicipalityCode, int Revision, DateOnly SentOn);

public sealed record ProposalResponse(string MunicipalityCode, string Response, DateOnly RespondedOn);

public sealed record StatusReport(ActivityStatus Status, string? Comment, DateOnly ReportedOn, string ReportedBy);

public sealed record Adoption(int Revision, Guid MeetingId, Guid? ItemId, string Decision, DateOnly AdoptedOn);

public sealed record PlanAmendment(string What, Guid MeetingId, Guid ItemId, string Decision, DateOnly AmendedOn);

/// <summary>A year's activity plan, action plan and budget, from draft through adoption and follow-up.</summary>
// "Det finns ingen verksamhetsplan …": the name with its negative article, by the noun's gender.
[System.ComponentModel.DisplayName("ingen verksamhetsplan")]
public sealed partial class ActivityPlan
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public int Year { get; set; }
    public int Revision { get; set; }
    public PlanContent Content { get; set; } = new([], [], new Budget([], []));
    public List<ProposalDelivery> ProposalSent { get; set; } = [];
    public List<ProposalResponse> Responses { get; set; } = [];
    public Adoption? Adoption { get; set; }
    public List<PlanAmendment> Amendments { get; set; } = [];
    public Dictionary<Guid, List<StatusReport>> StatusHistory { get; set; } = [];

    public static Guid IdFor(int year) =>
        DeterministicGuid.For("plan", year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static ActivityPlan Create(PlanDrafted e) =>
        new()
        {
            Id = e.PlanId,
            Year = e.Year,
            Revision = 1,
            Content = e.Content,
        };

    public void Apply(DraftPlanRevised e) => (Revision, Content) = (e.Revision, e.Content);

    public void Apply(PlanProposalSent e) =>
        ProposalSent.AddRange(e.MunicipalityCodes.Select(c => new ProposalDelivery(c, e.Revision, e.SentOn)));

    public void Apply(PlanProposalResponseRecorded e) =>
        Responses.Add(new ProposalResponse(e.MunicipalityCode, e.Response, e.RespondedOn));

    public void Apply(PlanAdopted e) =>
        Adoption = new Adoption(e.Revision, e.MeetingId, e.ItemId, e.Decision, e.AdoptedOn);

    public void Apply(PlanAmended e)
    {
        Content = e.Content;
        Amendments.Add(new PlanAmendment(e.What, e.MeetingId, e.ItemId, e.Decision, e.AmendedOn));
    }

    public void Apply(ActivityStatusReported e)
    {
        if (!StatusHistory.TryGetValue(e.ActivityId, out var history))
            StatusHistory[e.ActivityId] = history = [];
        history.Add(new StatusReport(e.Status, e.Comment, e.ReportedOn, e.ReportedBy));
    }

    public bool WasSentTo(string code) => ProposalSent.Any(p => p.MunicipalityCode == code);

    /// <summary>§4: the proposal adopted is the one the municipality received: this revision, by the day.</summary>
    public bool WasSentCurrentRevisionTo(string code, DateOnly by) =>
        ProposalSent.Any(p => p.MunicipalityCode == code && p.Revision == Revision && p.SentOn <= by);
}
