using System.Reflection;

namespace CampusKonseling.Modules;

/// <summary>Files a theme or module embeds and the host serves under RequestPath (no CDN).</summary>
public sealed record StaticAssetSource(string RequestPath, Assembly Assembly, string BaseNamespace);
