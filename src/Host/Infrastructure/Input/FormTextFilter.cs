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

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) => next();
}
