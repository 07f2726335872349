namespace Governance.Infrastructure.Problems;

/// <summary>
/// One kind of error the service answers with: its `type` is the page /problem/{slug} on the service, which explains in
/// Swedish what went wrong and what to do about it.
/// </summary>
public sealed record ProblemType(string Slug, int Status, string Title, string Explanation, string WhatToDo)
{
    public string Path => $"/problem/{Slug}";
}

/// <summary>Every kind of error the service can give, in one list: the README's table and the /problem pages.</summary>
public static class ProblemTypes
{
    public static readonly ProblemType Invalid = new(
        "ogiltiga-uppgifter",
        400,
        "Uppgifterna är inte giltiga",
        "Begäran saknar ett fält, har ett fält med fel slags värde, eller är inte giltig JSON. "
            + "Svaret nämner varje fält under errors.",
        "Rätta de fält som nämns och skicka begäran igen."
    );
    public static readonly ProblemType ReloadPage = new(
        "sidan-behover-laddas-om",
        400,
        "Sidan behöver laddas om",
        "En ändring från webbläsaren saknade sidans kontrollvärde, som skyddar mot förfalskade begäranden.",
        "Ladda om sidan och gör ändringen igen."
    );
    public static readonly ProblemType SignInRequired = new(
        "inloggning-kravs",
        401,
        "Inloggning krävs",
        "Det du bad om kräver att du är inloggad, eller så har inloggningen (token eller sessionen) gått ut.",
        "Logga in, eller hämta en ny token från kommunernas inloggningstjänst, och försök igen."
    );
    public static readonly ProblemType Forbidden = new(
        "behorighet-saknas",
        403,
        "Behörighet saknas",
        "Din roll får inte göra detta, eller så gäller det en annan kommun än din egen.",
        "Be sekretariatet om hjälp, eller logga in med en roll som får göra det."
    );
    public static readonly ProblemType NotFound = new(
        "finns-inte",
        404,
        "Finns inte",
        "Adressen eller id:t i den finns inte i registret, eller är inte offentlig ännu.",
        "Kontrollera adressen och id:t. Ett sammanträdes handlingar blir offentliga när kallelsen skickas."
    );
    public static readonly ProblemType MethodNotAllowed = new(
        "metoden-stods-inte",
        405,
        "Metoden stöds inte",
        "Adressen finns, men inte för den HTTP-metod som användes (till exempel DELETE där bara GET finns).",
        "Se API-dokumentationen (/api-docs) för vilka metoder adressen tar emot."
    );
    public static readonly ProblemType RuleBroken = new(
        "regelbrott",
        409,
        "Bryter mot en regel",
        "Begäran skulle bryta mot en regel i samarbetsavtalet eller i registret. "
            + "Regeln står i fältet rule, och detail säger varför.",
        "Ändra begäran så att regeln följs. Inget har sparats."
    );
    public static readonly ProblemType StaleVersion = new(
        "inaktuell-version",
        409,
        "Posten har ändrats sedan du läste den",
        "Någon annan har ändrat posten efter att du läste den. "
            + "Svaret anger den version du utgick från och den senaste.",
        "Läs in posten igen, kontrollera ändringen och skicka begäran med den nya versionen."
    );
    public static readonly ProblemType AlreadyExists = new(
        "finns-redan",
        409,
        "Posten finns redan",
        "Posten har redan registrerats, kanske samtidigt av någon annan.",
        "Läs in posten; den behöver inte registreras igen."
    );
    public static readonly ProblemType TooLarge = new(
        "for-stort",
        413,
        "Innehållet är för stort",
        "Innehållet är större än vad tjänsten tar emot.",
        "Skicka en mindre fil eller ett kortare innehåll."
    );
    public static readonly ProblemType UnsupportedMediaType = new(
        "fel-innehallstyp",
        415,
        "Fel innehållstyp",
        "Innehållet skickades i ett format som adressen inte tar emot.",
        "Skicka kommandon som JSON (Content-Type: application/json) och filer som formulär (multipart/form-data)."
    );
    public static readonly ProblemType TooManyRequests = new(
        "for-manga-forfragningar",
        429,
        "För många förfrågningar",
        "Samma klient har frågat oftare än gränsen för de öppna tjänsterna "
            + "(sökning, flöden, kvittenslänkar, inloggning).",
        "Vänta det antal sekunder som Retry-After anger och försök igen."
    );
    public static readonly ProblemType InternalError = new(
        "internt-fel",
        500,
        "Ett oväntat fel inträffade",
        "Något gick fel i tjänsten. Felet är loggat med det traceId som svaret anger.",
        "Försök igen om en stund. Kvarstår felet, kontakta sekretariatet och ange traceId."
    );
    public static readonly ProblemType Unavailable = new(
        "tjansten-otillganglig",
        503,
        "Tjänsten är tillfälligt otillgänglig",
        "Databasen går inte att nå just nu. Inget av det du skickade har sparats.",
        "Försök igen efter det antal sekunder som Retry-After anger."
    );

    public static readonly IReadOnlyList<ProblemType> All =
    [
        Invalid,
        ReloadPage,
        SignInRequired,
        Forbidden,
        NotFound,
        MethodNotAllowed,
        RuleBroken,
        StaleVersion,
        AlreadyExists,
        TooLarge,
        UnsupportedMediaType,
        TooManyRequests,
        InternalError,
        Unavailable,
    ];

    public static ProblemType? BySlug(string slug) => All.FirstOrDefault(t => t.Slug == slug);

    /// <summary>The type of a problem that has none of ours: by its status, and for 409 by what it carries.</summary>
    public static ProblemType ForStatus(int status, IDictionary<string, object?> extensions) =>
        status switch
        {
            409 when extensions.ContainsKey("rule") => RuleBroken,
            409 when extensions.ContainsKey("expectedVersion") => StaleVersion,
            _ => All.FirstOrDefault(t => t.Status == status) ?? (status >= 500 ? InternalError : Invalid),
        };
}
