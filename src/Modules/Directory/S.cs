[assembly: Microsoft.Extensions.Localization.RootNamespace("CampusKonseling.Direktori")]

namespace CampusKonseling.Direktori;

/// <summary>Marker for this module's localized strings (Resources/S.*.resx). Keys are the Indonesian text.</summary>
public sealed class S;
