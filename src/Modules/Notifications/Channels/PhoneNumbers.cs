namespace CampusKonseling.Notifications.Channels;

/// <summary>Indonesian numbers as gateways want them: digits only, country code first (0812… becomes 62812…).</summary>
public static class PhoneNumbers
{
    public static string International(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith('0')) return "62" + digits[1..];
        if (digits.StartsWith('8')) return "62" + digits;
        return digits;
    }
}
