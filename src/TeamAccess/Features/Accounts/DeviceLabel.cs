namespace TeamAccess.Accounts;

/// <summary>
/// A short, human label of the device a user agent names: browser and operating system ("Firefox on Windows"). Only the
/// label is stored, never the header; an unknown header gives "Unknown device".
/// </summary>
internal static class DeviceLabel
{
    public const string Unknown = "Unknown device";

    private const int MaxUserAgentLength = 1024;

    // Order matters: Edge and Opera name Chrome, Chrome names Safari, and Android names Linux.
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"), ("Chromium/", "Chromium"), ("HeadlessChrome/", "Chrome"),
        ("Chrome/", "Chrome"), ("Safari/", "Safari"), ("curl/", "curl"), ("PostmanRuntime/", "Postman"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Android", "Android"), ("CrOS", "ChromeOS"), ("Windows", "Windows"),
        ("Macintosh", "macOS"), ("Mac OS X", "macOS"), ("Linux", "Linux"),
    ];

    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return Unknown;
        }

        var text = userAgent.Length > MaxUserAgentLength ? userAgent[..MaxUserAgentLength] : userAgent;
        var browser = Find(text, Browsers);
        var system = Find(text, Systems);
        return (browser, system) switch
        {
            (null, null) => Unknown,
            ({ } b, null) => b,
            (null, { } s) => "Browser on " + s,
            ({ } b, { } s) => b + " on " + s,
        };
    }

    private static string? Find(string text, (string Token, string Name)[] table)
    {
        foreach (var (token, name) in table)
        {
            if (text.Contains(token, StringComparison.Ordinal))
            {
                return name;
            }
        }

        return null;
    }
}
