[assembly: Microsoft.Extensions.Localization.RootNamespace("CampusKonseling.Archive")]

namespace CampusKonseling.Archive;

/// <summary>Marker for this module's localized strings (Resources/S.*.resx). Keys are the Indonesian text.</summary>
public sealed class S;
