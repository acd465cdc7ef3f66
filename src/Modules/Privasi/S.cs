[assembly: Microsoft.Extensions.Localization.RootNamespace("CampusKonseling.Privasi")]

namespace CampusKonseling.Privasi;

/// <summary>Marker for this module's localized strings (Resources/S.*.resx). Keys are the Indonesian text.</summary>
public sealed class S;
