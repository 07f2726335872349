using System.Globalization;

namespace Governance.Municipalities;

/// <summary>
/// Reads SCB's yearly population table as CSV: code, name, population per row (separated by ';', ',' or tab), or
/// "0127 Botkyrka" and population in two columns. A header row is skipped; thousands may be spaced ("94 100").
/// </summary>
public static class ScbPopulationCsv
{
    public sealed record Row(int Line, string Code, string Name, int Population);

    public static (IReadOnlyList<Row> Rows, IReadOnlyDictionary<string, string[]> Errors) Parse(string csv)
    {
        var rows = new List<Row>();
        var errors = new Dictionary<string, string[]>();
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0)
                continue;
            var cells = Split(line);
            if (cells.Count == 2 && cells[0].Length > 5 && cells[0][4] == ' ')
                cells = [cells[0][..4], cells[0][5..].Trim(), cells[1]];
            var key = $"csv[{i + 1}]";
            if (cells.Count != 3)
            {
                errors[key] = [$"Rad {i + 1}: väntade kod, namn och invånarantal."];
                continue;
            }
            var number = new string(cells[2].Where(c => !char.IsWhiteSpace(c)).ToArray());
            var isNumber = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var population);
            if (rows.Count == 0 && errors.Count == 0 && !isNumber && !MunicipalityRules.IsMunicipalityCode(cells[0]))
                continue; // header
            if (!MunicipalityRules.IsMunicipalityCode(cells[0]))
                errors[key] = [$"Rad {i + 1}: kommunkoden \"{cells[0]}\" är inte fyra siffror."];
            else if (!isNumber || population <= 0)
                errors[key] = [$"Rad {i + 1}: invånarantalet \"{cells[2]}\" är inte ett positivt heltal."];
            else if (rows.Any(r => r.Code == cells[0]))
                errors[key] = [$"Rad {i + 1}: kommunkoden {cells[0]} förekommer två gånger."];
            else
                rows.Add(new Row(i + 1, cells[0], cells[1], population));
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors["csv"] = ["Filen innehåller inga rader."];
        return (rows, errors);
    }

    private static List<string> Split(string line)
    {
        var separator =
            line.Contains(';', StringComparison.Ordinal) ? ';'
            : line.Contains('\t', StringComparison.Ordinal) ? '\t'
            : ',';
        return [.. line.Split(separator).Select(c => c.Trim().Trim('"').Trim())];
    }
}
