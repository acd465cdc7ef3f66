using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CampusKonseling.Tests.Infrastructure;

/// <summary>A browser-like HTTP client: keeps cookies, does not follow redirects, parses pages with AngleSharp.</summary>
public sealed class TestClient : IDisposable
{
    private readonly HttpClient _http;
    public CookieContainer Cookies { get; } = new();

    public TestClient(Uri baseAddress)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public HttpClient Http => _http;

    public Task<HttpResponseMessage> GetAsync(string path, string? host = null, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        if (host is not null) request.Headers.Host = host;
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return _http.SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, IDocument Page)> PageAsync(string path, string? host = null, string? language = null)
    {
        using var response = await GetAsync(path, host, language);
        return (response.StatusCode, await ParseAsync(response));
    }

    /// <summary>Fills the form found by <paramref name="formSelector"/> on the page at <paramref name="path"/> and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string formSelector, IDictionary<string, string> values, string? host = null)
    {
        var (status, page) = await PageAsync(path, host);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status} {status}: {page.Body?.TextContent.Trim()}");
        return await SubmitAsync(page, formSelector, values, path, host);
    }

    public async Task<HttpResponseMessage> SubmitAsync(IDocument page, string formSelector, IDictionary<string, string> values, string path, string? host = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {path}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name) || values.ContainsKey(input.Name)) continue;
            if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
            if (input.Type is "submit" or "file") continue;
            fields.Add(new(input.Name, input.Value));
        }
        fields.AddRange(values);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? path : action;
        var request = new HttpRequestMessage(HttpMethod.Post, target.TrimStart('/')) { Content = new FormUrlEncodedContent(fields) };
        if (host is not null) request.Headers.Host = host;
        return await _http.SendAsync(request);
    }

    /// <summary>Posts fields to any path with the antiforgery token taken from a page, as a crafted request would.</summary>
    public Task<HttpResponseMessage> PostWithTokenAsync(IDocument page, string path, IDictionary<string, string> values)
    {
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "";
        var fields = new List<KeyValuePair<string, string>>(values) { new("__RequestVerificationToken", token) };
        return _http.PostAsync(path.TrimStart('/'), new FormUrlEncodedContent(fields));
    }

    public async Task SignInAsync(string prefix, string email, string password, string? host = null)
    {
        var path = prefix.Length == 0 ? "akun/masuk" : $"{prefix}/akun/masuk";
        using var response = await SubmitAsync(path, "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password }, host);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html));
    }

    public void Dispose() => _http.Dispose();
}
