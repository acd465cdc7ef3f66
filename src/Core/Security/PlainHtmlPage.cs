using System.Net;
using Microsoft.AspNetCore.Http;

namespace CampusKonseling.Security;

/// <summary>
/// A one-message HTML page written without Razor (campus unavailable, too many requests). Its style block carries
/// the response's nonce, so the page keeps the same Content-Security-Policy as every other page.
/// </summary>
public static class PlainHtmlPage
{
    public static Task WriteAsync(HttpContext context, int status, string title, string message, CancellationToken ct = default)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        var nonce = ContentSecurityPolicy.For(context).Nonce;
        var t = WebUtility.HtmlEncode(title);
        var m = WebUtility.HtmlEncode(message);
        return response.WriteAsync(
            $"<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{t}</title>" +
            $"<style nonce=\"{nonce}\">body {{ font-family: sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }}</style></head>" +
            $"<body><h1>{t}</h1><p>{m}</p></body></html>", ct);
    }
}
