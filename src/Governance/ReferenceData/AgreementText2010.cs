namespace Governance.ReferenceData;

/// <summary>
/// The cooperation agreement as the eight municipalities signed it in June 2010 (Bilaga 2 of Verksamhetsplan 2020),
/// word for word: title, preamble, §1–§10 with their headings, and where each party signed. The scanned copy's
/// handwritten initials and ticks are marks, not text, and are left out. Amendments are recorded as events (§9);
/// the text as in force on a date is built from this and them (<see cref="Governance.Agreement.AgreementText"/>).
/// </summary>
public static class AgreementText2010
{
    public const string Title = "Samarbetsavtal om Södertörnskommunernas samarbetskommitté";

    public const string Preamble =
        "Nedanstående avtal är tecknat mellan kommunerna Botkyrka, Haninge, Huddinge, Nykvarn, "
        + "Nynäshamn, Salem, Södertälje och Tyresö. Genom avtalet bildas Södertörnskommunernas "
        + "samarbetskommitté.";

    public static readonly IReadOnlyList<Governance.Agreement.ClauseText> Clauses =
    [
        new(
            1,
            "Syfte",
            [
                "Syftet med samarbetskommittén är att stärka den kommunala och den regionala utvecklingen"
                    + " som gynnar Södertörn och därmed kommunerna som har tecknat detta avtal. Samverkan "
                    + "syftar också till att kommunledningarna i politik och förvaltning skall nå sina mål i "
                    + "hemkommunerna.",
                "Profilen för Södertörn som en attraktiv del av Stockholmsregionen skall tydliggöras och "
                    + "kommunerna skall i ett nära samarbete söka effektiva och rationella lösningar för de "
                    + "egna kompetensområdena. Kommittén skall driva frågor vilka bedöms gagna Södertörn och "
                    + "dess kommuner.",
                "Kommitténs namn är Södertörnskommunernas samarbetskommitté.",
            ]
        ),
        new(
            2,
            "Avtalstid",
            [
                "Detta avtal gäller fr o m den 1 januari 2010 och tills vidare.",
                "Om någon av kommunerna vill säga upp avtalet är uppsägningstiden 12 månader. "
                    + "Uppsägningen skall vara beslutad av kommunfullmäktige och lämnas till kommitténs "
                    + "ordförande, som skall underrätta övriga avtalsparter om uppsägningen. Uppsägningstiden "
                    + "räknas fr o m månadsskiftet närmast efter det att uppsägning har kommit ordföranden "
                    + "tillhanda.",
            ]
        ),
        new(
            3,
            "Kommitténs sammansättning, beslut mm",
            [
                "Kommittén utgörs av kommunstyrelsens ordförande från varje kommun.",
                "Kommundirektörer eller motsvarande skall delta vid kommitténs sammanträden.",
                "Kommittén skall årligen inom sig utse ordförande och vice ordförande.",
                "Kommitténs beslut fattas i konsensus om inte annat är överenskommet av samtliga i "
                    + "kommittén ingående ledamöter. Kommittén är beslutför när minst hälften av ledamöterna är"
                    + " närvarande vid sammanträde. Beslut kan fattas vid telefonkonferens eller konferens via "
                    + "datanät. Beslut skall dokumenteras i minnesanteckningar. Kommittén skall tillse att "
                    + "minnesanteckningarna delges resp kommun.",
            ]
        ),
        new(
            4,
            "Kommitténs arbete",
            [
                "Frågor som skall behandlas av kommittén kan väckas av ledamot. Sådan framställning skall"
                    + " ske i god tid till ordföranden. Ordföranden ansvarar för att kallelse till möte sänds "
                    + "ut i god tid. Kallelsen bör åtföljas av dagordning och så kompletta handlingar som "
                    + "möjligt för att underlätta för ledamöterna att ta ställning till respektive ärende. "
                    + "Ordföranden beslutar om och ansvarar för dagordningens innehåll.",
                "Kommittén sammanträder ca sex gånger per år. Extra sammanträde kan inkallas av "
                    + "ordföranden eller då minst fem kommittéledamöter så begär.",
                "Kommittén fastställer en årlig verksamhetsplan och en årlig budget. Kommittén skall till"
                    + " resp kommun redovisa förslag till verksamhetsplan och budget innan de fastställs.",
            ]
        ),
        new(
            5,
            "Sekretariat",
            [
                "Huddinge kommun tillhandahåller ett sekretariat som stöd till kommittén och för "
                    + "samordning av gemensamma projekt. Sekretariatet omfattar en tjänsteman med 100 % "
                    + "tjänstgöringsgrad samt ekonomi- och kansliservice. Huddinge kommun ersätts för dessa "
                    + "kostnader till självkostnadspris.",
            ]
        ),
        new(
            6,
            "Finansiering av projekt",
            [
                "Arbetsinsatser/utredningar/projekt vilka finansieras via kommitténs budget skall avse "
                    + "för kommunerna gemensamma frågor. Projekt som berör några kommuner, men bedöms ha stor "
                    + "betydelse för helheten kan också finansieras av kommittén.",
                "Frågor som enbart berör någon eller några kommuner finansieras av de berörda kommunerna "
                    + "och ingår ej i kommitténs budget.",
            ]
        ),
        new(
            7,
            "Särskilda projekt",
            [
                "Projekt som kommittén anser vara gemensamma men som inte rymms inom den årliga budgeten "
                    + "finansieras genom särskilda anslag från kommunerna. Fördelning av dessa kostnader sker i"
                    + " förhållande till kommunernas invånarantal.",
            ]
        ),
        new(
            8,
            "Avgift",
            [
                "Kommitténs årliga budget baseras på att kommunerna betalar en årlig avgift. Den totala "
                    + "avgiften för 2010 är 860 000 kr. Avgiften fördelas mellan kommunerna i förhållande till "
                    + "invånarantalet den 31 december 2009.",
                "Avgiften omräknas för varje nytt kalenderår med samma procentsats som resp kommuns "
                    + "invånarantal förändrats vid nästföregående årsskifte jämfört med årsskiftet före dess.",
                "Avgiften erläggs, efter faktura från Huddinge kommun, senast den 15 mars det år avgiften" + " avser.",
            ]
        ),
        new(
            9,
            "Utträde ur kommittén",
            [
                "Uppsägningstid för detta avtal regleras i § 2 ovan.",
                "Vid uppsägning från någon kommun skall de kvarvarande kommunerna i kommittén anta sådana"
                    + " ändringar i detta avtal som föranleds av uppsägningen.",
                "Utträdande kommun har inte rätt att återfå erlagda avgifter, ej heller särskilt "
                    + "tillskjutna projektmedel eller andra tillskjutna medel.",
            ]
        ),
        new(
            10,
            "Kommitténs upplösande",
            [
                "Kommittén kan upplösas genom beslut av kommittén.",
                "Vid upplösande av kommittén skall samtliga tillgångar och skulder fördelas mellan "
                    + "kommunerna enligt samma fördelningsprincip som tillämpas för avgifterna. Detta gäller "
                    + "även för av kommittén träffade avtal och kontrakt samt övriga eventuella träffade "
                    + "förbindelser.",
            ]
        ),
    ];

    /// <summary>Where and when each party signed, as the signature lines read.</summary>
    public static readonly IReadOnlyList<string> Signatures =
    [
        "Botkyrka den 10/6 2010",
        "Haninge den 10/6 2010",
        "Huddinge den 10/6 2010",
        "Nykvarn den 10/6 2010",
        "Nynäshamn den 17/6 2010",
        "Salem den 10/6 2010",
        "Södertälje den 18/6 2010",
        "Tyresö den 10/6 2010",
    ];
}
