[assembly: Microsoft.Extensions.Localization.RootNamespace("CampusKonseling.Themes.Admin")]

namespace CampusKonseling.Themes.Admin;

/// <summary>Marker for this theme's localized strings (Resources/S.*.resx). Keys are the Indonesian text.</summary>
public sealed class S;
