namespace Governance.Bench;

/// <summary>
/// Matters and decisions in the committee's own wording, drawn from a vocabulary: the search meets compounds,
/// inflected forms and municipalities' names as in a real archive ("trafik" is in about one matter in six).
/// </summary>
public static class Vocabulary
{
    private static readonly string[] Subjects =
    [
        "Kollektivtrafikplan för Södertörn",
        "Regional bostadsförsörjningsanalys",
        "Gemensam avfallsplan",
        "Trafiksäkerhetsprogram för skolvägar",
        "Äldreomsorgens kompetensförsörjning",
        "Cykelstråk mellan kommunerna",
        "Upphandling av pendelbussar",
        "Strategi för bostäder åt unga",
        "Klimatanpassning av dagvattensystem",
        "Näringslivets kompetensbehov",
        "Gemensam krisberedskap",
        "Samverkan kring ensamkommande barn",
        "Tvärförbindelse Södertörn",
        "Digital infrastruktur och bredband",
        "Godstrafik genom tätorter",
        "Folkhälsoprogram för Södertörn",
        "Vattenförsörjning och reservvatten",
        "Arbetsmarknadsinsatser för unga",
    ];

    private static readonly string[] Verbs =
    [
        "Kommittén beslutar att anta",
        "Kommittén godkänner",
        "Kommittén ställer sig bakom",
        "Kommittén ger kansliet i uppdrag att bereda",
        "Kommittén antog",
        "Kommittén fastställer",
    ];

    private static readonly string[] Tails =
    [
        "och uppdrar åt ledningsgruppen att återrapportera till nästa sammanträde.",
        "med de ändringar som framkom vid sammanträdet.",
        "samt överlämnar ärendet till kommunstyrelserna för beslut.",
        "och noterar att {0} avstår från att delta i finansieringen.",
        "under förutsättning att Trafikverket medfinansierar åtgärderna.",
        "och ber {0} samordna arbetet med bostäder och trafik.",
    ];

    public static string Title(int n) => $"{Subjects[n % Subjects.Length]} {2000 + n % 30}";

    public static string Kind(int n) =>
        (n % 4) switch
        {
            0 => "information",
            1 => "yttrande",
            _ => "beslut",
        };

    public static string Wording(int n, string municipality) =>
        $"{Verbs[n % Verbs.Length]} {Subjects[(n / 3) % Subjects.Length].ToLowerInvariant()} "
        + string.Format(System.Globalization.CultureInfo.InvariantCulture, Tails[(n / 7) % Tails.Length], municipality);

    public static string Description(int n, string municipality) =>
        $"{municipality} föreslår att kommunerna gemensamt utreder "
        + $"{Subjects[(n * 5) % Subjects.Length].ToLowerInvariant()}.";
}
