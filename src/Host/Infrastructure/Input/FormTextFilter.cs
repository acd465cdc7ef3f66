using CampusKonseling.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Primitives;

namespace CampusKonseling.Host.Infrastructure.Input;

/// <summary>
/// Every page's form post, before model binding: characters PostgreSQL cannot store and nobody types (NUL,
/// other control characters, a lone surrogate) are taken out of the posted values. A NUL pasted into a form
/// field used to fail the whole request as a database outage, and every resend failed the same way; now the
/// form is handled as if it had been typed without them (line breaks and tabs stay).
/// </summary>
public sealed class FormTextFilter : IAsyncPageFilter
{
    public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || !request.HasFormContentType) return;
        var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        if (form.All(f => f.Value.All(StorableText.IsStorable) && StorableText.IsStorable(f.Key))) return;
        request.Form = new FormCollection(
            form.GroupBy(f => StorableText.Clean(f.Key)).ToDictionary(g => g.Key, g => new StringValues(g.SelectMany(f => f.Value).Select(v => v is null ? v : StorableText.Clean(v)).ToArray())),
            form.Files);
    }

    /// <summary>
    /// A checkbox posted with a value that is not a boolean ("Input.RememberMe=x") is a model error, and then
    /// ASP.NET Core's checkbox tag helper throws converting that attempted value back while drawing the page
    /// again: a 500 (found by the fuzz suite). Such an attempted value is dropped; the box shows the model's value.
    /// </summary>
    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.HandlerInstance is not { } page) return;
        foreach (var (key, entry) in executed.ModelState)
        {
            if (entry.ValidationState != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid || entry.RawValue is null) continue;
            if (PropertyType(page.GetType(), key) is { } type && (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool)
                && !bool.TryParse(entry.AttemptedValue, out _))
                entry.RawValue = null;
        }
    }

    /// <summary>The type of the bound property a model state key names ("Input.RememberMe"), or null.</summary>
    private static Type? PropertyType(Type type, string key)
    {
        Type? current = type;
        foreach (var part in key.Split('.'))
        {
            var name = part.Split('[')[0];
            current = current?.GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)?.PropertyType;
            if (current is null) return null;
        }
        return current;
    }
}
