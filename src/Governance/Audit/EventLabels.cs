namespace Governance.Audit;

/// <summary>What each kind of event means, in the secretary's words, for the audit trail.</summary>
public static class EventLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["MunicipalityRegistered"] = "Kommun registrerad",
        ["RepresentativeNamed"] = "Ledamot registrerad",
        ["DirectorNamed"] = "Kommundirektör registrerad",
        ["PopulationRecorded"] = "Folkmängd registrerad",
        ["DeliveryChannelsConfigured"] = "Utskickskanaler ändrade",
        ["ChairAppointed"] = "Ordförande utsedd",
        ["ViceChairAppointed"] = "Vice ordförande utsedd",
        ["AgreementConcluded"] = "Samarbetsavtal ingånget",
        ["TerminationNoticeRegistered"] = "Uppsägning registrerad",
        ["PartyInformedOfTermination"] = "Part underrättad om uppsägning",
        ["AgreementAmended"] = "Avtalet ändrat",
        ["AlternativeDecisionRuleAgreed"] = "Annan beslutsregel överenskommen",
        ["CommitteeDissolved"] = "Kommittén upplöst",
        ["MeetingScheduled"] = "Sammanträde planerat",
        ["MeetingRescheduled"] = "Sammanträde flyttat",
        ["MeetingCancelled"] = "Sammanträde inställt",
        ["MatterRaised"] = "Ärende väckt",
        ["MatterDeclined"] = "Ärende avvisat",
        ["AgendaItemAdded"] = "Punkt uppsatt på dagordningen",
        ["DocumentAttached"] = "Handling bifogad",
        ["MeetingNoticeIssued"] = "Kallelse skickad",
        ["ExtraMeetingRequested"] = "Extra sammanträde begärt",
        ["ExtraMeetingCalled"] = "Extra sammanträde utlyst",
        ["AttendanceRecorded"] = "Närvaro registrerad",
        ["DecisionRecorded"] = "Beslut registrerat",
        ["DecisionNotReached"] = "Inget beslut (invändning)",
        ["ItemTabled"] = "Ärende bordlagt",
        ["MeetingClosed"] = "Sammanträde avslutat",
        ["MinutesTextWritten"] = "Text i minnesanteckningar skriven",
        ["MinutesApproved"] = "Minnesanteckningar justerade",
        ["MinutesCorrected"] = "Minnesanteckningar rättade",
        ["PlanDrafted"] = "Förslag till verksamhetsplan upprättat",
        ["DraftPlanRevised"] = "Förslag till verksamhetsplan reviderat",
        ["PlanProposalSent"] = "Förslag skickat till kommun",
        ["PlanProposalResponseRecorded"] = "Svar på förslag registrerat",
        ["PlanAdopted"] = "Verksamhetsplan antagen",
        ["PlanAmended"] = "Verksamhetsplan ändrad",
        ["ActivityStatusReported"] = "Status för aktivitet rapporterad",
        ["FeeRuleSet"] = "Avgiftsregel beslutad",
        ["FeeInvoicesIssued"] = "Fakturor utfärdade",
        ["FeePaymentRecorded"] = "Betalning registrerad",
        ["SpecialProjectStarted"] = "Särskilt projekt startat",
        ["DeliveryRequested"] = "Utskick begärt",
        ["DeliverySent"] = "Utskick skickat",
        ["DeliveryAttemptFailed"] = "Utskicksförsök misslyckades",
        ["DeliveryDeadLettered"] = "Utskick misslyckades slutgiltigt",
        ["DeliveryResendRequested"] = "Utskick skickas om",
        ["ReceiptAcknowledged"] = "Mottagande kvitterat",
        ["ReceiptOnOtherChannelAcknowledged"] = "Mottagande kvitterat via annan kanal",
    };

    public static string Of(Type eventType) => Labels.GetValueOrDefault(eventType.Name) ?? eventType.Name;

    public static bool IsKnown(Type eventType) => Labels.ContainsKey(eventType.Name);

    public static IEnumerable<string> Names => Labels.Keys;
}
