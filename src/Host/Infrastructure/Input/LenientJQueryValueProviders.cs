using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CampusKonseling.Host.Infrastructure.Input;

/// <summary>
/// MVC's jQuery-style value providers throw ArgumentException for a key with an unclosed bracket ("a[b"),
/// which made any page a 500 for a crafted form post or query string (found by the fuzz suite). A key that is
/// not valid jQuery syntax now just gives no jQuery-style values; the plain form and query providers still
/// bind everything the platform's own forms send.
/// </summary>
public sealed class LenientValueProviderFactory(IValueProviderFactory inner) : IValueProviderFactory
{
    public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        try
        {
            await inner.CreateValueProviderAsync(context);
        }
        catch (ArgumentException)
        {
            // Malformed keys are the sender's mistake; the remaining providers answer for the request.
        }
    }

    /// <summary>Wraps the jQuery form and query providers registered by MVC, in place.</summary>
    public static void Apply(MvcOptions options)
    {
        for (var i = 0; i < options.ValueProviderFactories.Count; i++)
            if (options.ValueProviderFactories[i] is JQueryFormValueProviderFactory or JQueryQueryStringValueProviderFactory)
                options.ValueProviderFactories[i] = new LenientValueProviderFactory(options.ValueProviderFactories[i]);
    }
}
