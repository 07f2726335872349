using System.Text.Json;

namespace Governance.Infrastructure.Validation;

public static class FluentValidationExecutor
{
    /// <summary>Runs every validator of the request; on failure ends the request with 400 naming each field.</summary>
    public static async Task<IResult> ExecuteAsync<T>(RequestValidators<T> validators, T request)
    {
        // The body check answers a null body before this runs; a null here must still not reach a validator.
        if (request is null)
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [RequestShape.Root] = ["Innehållet saknas."] },
                title: "Uppgifterna är inte giltiga"
            );
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators.All)
        {
            failures.AddRange((await validator.ValidateAsync(request)).Errors);
        }
        if (failures.Count == 0)
            return WolverineContinue.Result();

        // Field names as the JSON the client sent: camelCase, nested paths kept ("items[0].title").
        var errors = failures
            .GroupBy(f => JsonPath(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        return Results.ValidationProblem(
            errors,
            title: "Uppgifterna är inte giltiga",
            detail: "Rätta fälten nedan och försök igen."
        );
    }

    private static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
