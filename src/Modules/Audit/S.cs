[assembly: Microsoft.Extensions.Localization.RootNamespace("CampusKonseling.Audit")]

namespace CampusKonseling.Audit;

/// <summary>Marker for this module's localized strings (Resources/S.*.resx). Keys are the Indonesian text.</summary>
public sealed class S;
