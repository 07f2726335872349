using Governance.Agreement;
using Governance.Meetings;
using Governance.Minutes;
using Governance.Offices;

namespace Governance.Infrastructure.Swedish;

/// <summary>What users see: the Swedish words for the record's terms (glossary in design.md).</summary>
public static class Labels
{
    /// <summary>A number with its noun in the right number: "1 ärende", "3 ärenden".</summary>
    public static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    public static string Of(Body body) =>
        body switch
        {
            Body.Committee => "Södertörnskommunernas samarbetskommitté",
            _ => "Ledningsgruppen",
        };

    public static string Of(MeetingKind kind) =>
        kind switch
        {
            MeetingKind.Extra => "Extra sammanträde",
            MeetingKind.PlanningConference => "Planeringskonferens",
            _ => "Sammanträde",
        };

    public static string Of(PresenceMode mode) =>
        mode switch
        {
            PresenceMode.Phone => "per telefon",
            PresenceMode.Video => "via video",
            _ => "på plats",
        };

    public static string Of(AttendanceRole role) =>
        role switch
        {
            AttendanceRole.Member => "ledamot",
            AttendanceRole.Director => "kommundirektör",
            _ => "gäst",
        };

    public static string Of(MeetingStatus status) =>
        status switch
        {
            MeetingStatus.Cancelled => "Inställt",
            MeetingStatus.Closed => "Avslutat",
            _ => "Planerat",
        };

    public static string Of(Distribution.DeliveryStatus status) =>
        status switch
        {
            Distribution.DeliveryStatus.Pending => "väntar",
            Distribution.DeliveryStatus.Failed => "nytt försök väntar",
            Distribution.DeliveryStatus.Sent => "skickad",
            Distribution.DeliveryStatus.DeadLettered => "misslyckades",
            _ => "kvitterad",
        };

    public static string Of(Distribution.DeliveryChannel channel) =>
        channel == Distribution.DeliveryChannel.Email ? "e-post" : "webhook";

    public static string Of(PartyStatus status) =>
        status switch
        {
            PartyStatus.NoticeRunning => "uppsägning löper",
            PartyStatus.Withdrawn => "utträtt",
            _ => "medlem",
        };

    public static string Of(AgreementStatus status) =>
        status switch
        {
            AgreementStatus.NotYetInForce => "ännu inte i kraft",
            AgreementStatus.Dissolved => "upplöst",
            _ => "i kraft",
        };

    public static string Of(Plans.ActivityStatus status) =>
        status switch
        {
            Plans.ActivityStatus.Ongoing => "pågår",
            Plans.ActivityStatus.Done => "klar",
            Plans.ActivityStatus.Cancelled => "avbruten",
            _ => "ej påbörjad",
        };

    public static string Of(OutcomeKind outcome) =>
        outcome switch
        {
            OutcomeKind.Decided => "Beslut",
            OutcomeKind.NotDecided => "Inget beslut",
            _ => "Bordlagt",
        };

    public static string Of(MinutesStatus status) =>
        status switch
        {
            MinutesStatus.Approved => "Justerade",
            MinutesStatus.AwaitingApproval => "Ej justerade",
            _ => "Utkast",
        };

    public static string Of(DecisionRule rule) =>
        rule switch
        {
            DecisionRule.MajorityOfPresent => "majoritet av de närvarande",
            DecisionRule.TwoThirdsOfPresent => "två tredjedelar av de närvarande",
            _ => "konsensus",
        };

    public static string Of(CorrectionTarget target) =>
        target == CorrectionTarget.DecisionWording ? "beslutets lydelse" : "text";
}
