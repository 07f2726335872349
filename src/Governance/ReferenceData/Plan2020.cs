using Governance.Fees;
using Governance.Plans;

namespace Governance.ReferenceData;

/// <summary>
/// Verksamhetsplan och budget 2020 with Bilaga 1 (Handlingsplan 2020), as the seed document has them.
/// </summary>
public static class Plan2020
{
    public const int Year = 2020;
    public static readonly DateOnly AdoptedOn = new(2020, 4, 2);
    public const string Adoption =
        "Verksamhetsplan och budget 2020 fastställd av samarbetskommittén 2020-04-02 (Salem)";

    // The seed does not say when the proposal went out; it had to be before adoption (§4). Assumed: a month before.
    public static readonly DateOnly ProposalSentOn = new(2020, 3, 2);

    private const string Infra = "Infrastruktur",
        Education = "Utbildning",
        Business = "Näringsliv",
        Coordination = "Funktionell samordning";

    public static readonly IReadOnlyList<FocusArea> FocusAreas =
    [
        new(
            Infra,
            "Stärkt infrastruktur är en förutsättning för hållbar utveckling.",
            [
                "Utifrån god framkomlighet och minskad klimatpåverkan från resor och transporter.",
                "Genom att prioriterade infrastrukturprojekt genomförs.",
                "Baserat på en robust teknisk försörjning.",
            ],
            ["SUP-gruppen"]
        ),
        new(
            Education,
            "Akademisk utbildning som säkrar framtida kompetensförsörjning.",
            [
                "Genom tillgänglighet till akademisk utbildning för hela Södertörn.",
                "Inriktad mot både näringsliv och kommuner.",
            ],
            ["YH-nätverket", "SNUG"]
        ),
        new(
            Business,
            "Södertörn är det självklara valet för företagen.",
            [
                "Utifrån en stark infrastruktur.",
                "Genom samsyn om helheten.",
                "För fler etableringar och växande företag.",
            ],
            ["SNUG"]
        ),
        new(
            Coordination,
            "Ökad funktionell samordning mellan kommunerna.",
            ["För bättre verksamhet.", "För ekonomisk effektivitet.", "Genom öppenhet för samarbeten."],
            ["Kommunikationsnätverket", "Klimatnätverket"]
        ),
    ];

    private static PlannedActivity A(
        string area,
        string? subGoal,
        string activity,
        string[] responsible,
        string? cost,
        string? time,
        string? comment
    ) => new(null, area, subGoal, activity, responsible, cost, time, comment);

    private static readonly string[] SubInfra = [.. FocusAreas[0].SubGoals],
        SubEdu = [.. FocusAreas[1].SubGoals],
        SubBiz = [.. FocusAreas[2].SubGoals],
        SubCo = [.. FocusAreas[3].SubGoals];

    /// <summary>Every activity of Bilaga 1, in the document's order, responsible parties as written there.</summary>
    public static readonly IReadOnlyList<PlannedActivity> Activities =
    [
        A(
            Infra,
            SubInfra[0],
            "Kollektivtrafikens utveckling på Södertörn - Kollektivtrafikplan 2050 "
                + "(Södertörns gemensamt remissyttrande).",
            ["Södertörn", "SUP (AG)"],
            null,
            "Löpande",
            "Bytespunkter, infartsparkeringar, stombussar, parallelltrafik, "
                + "direktbussar, tvärförbindelser, efterfrågan-utbud etc. "
                + "Klimatstrategerna bidrar med input i remissyttrande m.m."
        ),
        A(
            Infra,
            SubInfra[0],
            "Sårbarhet/störningshantering. Utökad samverkan mellan Södertörns kommunerna "
                + "och Styrgruppen för regional framkomlighet kring trafikpåverkande arbeten",
            ["Södertörn"],
            null,
            "Höst",
            "Ex pilotprojekt för stråk t ex E4/E20, del av väg 73."
        ),
        A(
            Infra,
            SubInfra[0],
            "Löpande, regelbundna avstämningar mellan Södertörns kommunerna och Trafikverket och Trafikförvaltningen.",
            ["Södertörn"],
            null,
            "Löpande",
            "Trafikverket minst 2 ggr per år och Trafikförvaltningen 2 ggr/år. "
                + "Även möten med Trafikskottet, Region Stockholm m.fl."
        ),
        A(
            Infra,
            SubInfra[0],
            "Bevaka pågående infrastrukturprojekt satsningar, utredningar ÅVSer etc utifrån ett Södertörns perspektiv.",
            ["Södertörn", "SUP"],
            null,
            "Löpande",
            "Exempel: Bytespunkter (Flemingsberg, Gullmarsplan), ÅVS pendeltågssystemets utveckling, "
                + "ÅVS sårbarhet Södertäljebroarna, Elvåg- pilot väg 73, En Bättre Sits etc."
        ),
        A(
            Infra,
            SubInfra[0],
            "Bevakar och driver Södertörns gemensamma intressen i pågående regionala satsning "
                + "BioDrivÖst/Fossilfritt 2030.",
            ["Klimatnätverket"],
            null,
            "Löpande",
            "Klimatnätverket deltar på möten ger input och analys av behov och brister "
                + "i arbetet utifrån Södertörns perspektiv."
        ),
        A(
            Infra,
            SubInfra[0],
            "Samsyn kring ev nya/fler \"objekt\" att driva för Södertörn gemensamt.",
            ["Södertörn", "SUP"],
            null,
            "Löpande",
            "Utgå från fakta/analyser /nyttovärderingar m.m."
        ),
        A(
            Infra,
            SubInfra[1],
            "Tvärförbindelse Södertörn.",
            ["Huddinge", "Håninge", "Botkyrka"],
            null,
            "Löpande",
            "Bevakning, påverkan och Södertörns gemensamma remissvar."
        ),
        A(Infra, SubInfra[2], "Passage Södertälje kanal.", ["Södertälje"], null, "Löpande", null),
        A(
            Infra,
            SubInfra[2],
            "Bevaka frågan om elförsörjning.",
            ["Södertörn", "SUP", "Klimatnätverket"],
            null,
            "Löpande",
            "Södertörn deltar genom medverkan från några ur SUP-gruppen i det arbete som StorSthlm bedriver. "
                + "Bjuda in Svenska Kraftnätets generaldirektör till SSK. "
                + "Klimatnätverket bidrar också med kunskap i denna fråga."
        ),
        A(
            Infra,
            SubInfra[2],
            "Intern \"förstudie\" kring masshantering.",
            ["Nynäshamn", "Tyresö", "Södertälje"],
            null,
            "Löpande",
            "Mindre utredning om/hur vi ska samverka kring detta framöver. "
                + "Deltagande från SUP och Klimatnätverket i AG."
        ),
        A(
            Education,
            SubEdu[1],
            "Fortsatt samverkan mellan YH-nätverket och SNUG-nätverket",
            ["Botkyrka (Gustav)"],
            null,
            "1 ggr/år",
            "SNUG önskar att YH-nätverket årligen besöker SNUG och ger en uppdaterad bild av "
                + "kartläggning av YH-utbildningar på Södertörn."
        ),
        A(
            Business,
            SubBiz[1],
            "Gemensam bild över behovet av kompetensförsörjning på Södertörn.",
            ["Huddinge (Pia)"],
            null,
            "klart (feb)",
            "Beställa ny analys av Binod m fl scenarier. "
                + "Kostnaden för 2020 års analys togs på 2019 års budget. "
                + "Resultat delges/sprid under året."
        ),
        A(
            Business,
            SubBiz[2],
            "Arbeta med \"förbättrat företagsklimat\".",
            ["Håninge", "Nynäshamn", "Huddinge"],
            null,
            "Löpande",
            "Arbetsgrupp tar fram förslag på syfte och mål för denna aktivitet."
        ),
        A(
            Business,
            SubBiz[2],
            "Samverkan inom arbetsmarknadsfrågor.",
            ["Huddinge", "Botkyrka"],
            null,
            "Löpande",
            "Ta fram en nulägesbild av hur kommunerna arbetar med arbetsmarknadsfrågor."
        ),
        A(
            Coordination,
            SubCo[0],
            "Ta fram ny gemensam text om Södertörn (utifrån SUP 2035) samt uppdatera övrigt material (ppt etc).",
            ["Södertörn m fl"],
            null,
            "Stäms av före ev beställning.",
            "Översyn och uppdatering av Södertörns material, texter, bildspel/foton etc. "
                + "Texten kan användas i Södertörns gemensamma remissvar."
        ),
        A(
            Coordination,
            SubCo[0],
            "Gemensamma kommunikationsaktiviteter med fokus på att synliggöra och sprida kunskap "
                + "om Södertörn och Södertörns samarbetet "
                + "(sprida framgångarna om Södertörn).",
            ["Kommunikationsnätverket"],
            "Ev.",
            "Löpande",
            "Nätverket för kommunikationschefer."
        ),
        A(
            Coordination,
            SubCo[0],
            "Samverkan kring Almedalen 2020.",
            ["Håninge", "Huddinge", "Tyresö", "Södertälje"],
            null,
            "Våren",
            "Samarbete kring planering och deltagande och att definiera lämpliga aktiviteter."
        ),
        A(
            Coordination,
            SubCo[0],
            "Översyn av nätverk, arbetsformer, mötesforum. "
                + "Hur kan Södertörns samarbetet bäst uppfylla målen i SUP 2035 och skapa nytta för alla kommuner?",
            ["Södertörn"],
            "Stäms av före beställning av konsultuppdrag",
            "Hösten",
            "Kartläggning och nulägesanalys över nätverk, möten, processer etc inom Södertörns samarbetet. "
                + "Förslag till förbättringar och områden där samverkan bör utvecklas/förstärkas/avslutas etc. "
                + "Speciellt titta på om/hur fokusområdet \"Utbildning\" kan utvecklas inom Södertörns samarbetet. "
                + "Samt hur utökad samverkan kan ske mellan nätverken."
        ),
        A(
            Coordination,
            SubCo[0],
            "Utökad samverkan mellan nätverken.",
            ["Södertörn"],
            null,
            "Löpande",
            "Klimatnätverket bidrar med input/synpunkter/texter till Södertörns gemensamma remissvar "
                + "exempelvis Kollektivtrafikplan 2050 m fl. "
                + "Se även aktivitet ovan."
        ),
        A(
            Coordination,
            SubCo[0],
            "Besvara remisser med Södertörns gemensamma svar då det finns behov/behövs.",
            ["Alla"],
            null,
            "Löpande",
            "Bevaka aktuella remisser löpande och stämma av vilka vi ska/bör svara på under året. "
                + "Tillsätta arbetsgrupper vid behov."
        ),
        A(
            Coordination,
            SubCo[0],
            "Förstärkt samverkan mellan klimatnätverket och upphandlingschefer/avdelningar "
                + "i syfte att skapa rutiner/processer för att ställa klimatkrav i kommande upphandlingar.",
            ["Klimatnätverket"],
            null,
            "Vår + Höst",
            "Genomförs genom att klimatnätverket arrangerar/bjuder in till seminarium/informationsmöten "
                + "samt håller sig informerade om kommande större ramavtalsupphandlingar etc."
        ),
        A(
            Coordination,
            SubCo[1],
            "Ta fram förslag på hur den årliga Södertörnskonferensen kan planeras och genomföras "
                + "för att förenkla och effektivisera.",
            ["Södertörn"],
            null,
            null,
            "Gäller från år 2021 och framåt"
        ),
        A(Coordination, SubCo[2], "Gemensam webbplats med uppdaterad information.", ["Södertörn"], null, null, null),
        A(
            Coordination,
            SubCo[2],
            "Synliggöra och sprida kunskap om Södertörn och Södertörns kommunernas samarbete.",
            ["Södertörn"],
            null,
            "Löpande",
            "Vid olika konferenser etc."
        ),
    ];

    public static readonly Budget Budget = new(
        [new BudgetLine("Avgifter från kommunerna", 2_012_800m, false)],
        [
            new BudgetLine("Personal (strateg och administratör)", 1_570_000m, true),
            new BudgetLine(
                "Ersättning till Huddinge kommun för ekonomi- och kansliservice, arbetsrum m m",
                70_000m,
                true
            ),
            new BudgetLine("Möten/Webb/Utredningar/Konsultstöd/Resor m m", 372_800m, true),
        ]
    );

    public static PlanContent Content => new PlanContent(FocusAreas, Activities, Budget).WithActivityIds();

    /// <summary>§8 as signed in 2010, and the committee's per-capita decision of 2017-02-02.</summary>
    public static readonly IReadOnlyList<FeeRule> FeeRules =
    [
        new(FeeRuleKind.IndexedTotal, 2010, 860_000m, null, new DateOnly(2010, 6, 10), "Samarbetsavtal §8"),
        new(FeeRuleKind.PerCapita, 2017, null, 4m, new DateOnly(2017, 2, 2), "Samarbetskommitténs beslut 2017-02-02"),
    ];
}
