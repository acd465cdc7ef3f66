[assembly: Microsoft.Extensions.Localization.RootNamespace("CampusKonseling")]

namespace CampusKonseling;

/// <summary>Marker for this assembly's localized strings (Resources/S.*.resx). Keys are the Indonesian text.</summary>
public sealed class S;
