[assembly: Microsoft.Extensions.Localization.RootNamespace("CampusKonseling.Letters")]

namespace CampusKonseling.Letters;

/// <summary>Marker for this module's localized strings (Resources/S.*.resx). Keys are the Indonesian text.</summary>
public sealed class S;
