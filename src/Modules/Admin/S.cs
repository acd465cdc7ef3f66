[assembly: Microsoft.Extensions.Localization.RootNamespace("CampusKonseling.Admin")]

namespace CampusKonseling.Admin;

/// <summary>Marker for this module's localized strings (Resources/S.*.resx). Keys are the Indonesian text.</summary>
public sealed class S;
