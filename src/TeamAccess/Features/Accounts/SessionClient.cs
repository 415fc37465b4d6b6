namespace TeamAccess.Accounts;

/// <summary>Who is signing in, as the host's request shows it: what a new session records for its user's list of sessions.</summary>
public sealed class SessionClient
{
    /// <summary>Initializes a new instance of the <see cref="SessionClient"/> class.</summary>
    /// <param name="userAgent">The request's <c>User-Agent</c> header, if any (only a device label is kept of it).</param>
    /// <param name="ipAddress">The client's address, if known.</param>
    public SessionClient(string? userAgent, string? ipAddress)
    {
        UserAgent = userAgent;
        IpAddress = ipAddress;
    }

    /// <summary>Gets the request's <c>User-Agent</c> header, if any.</summary>
    public string? UserAgent { get; }

    /// <summary>Gets the client's address, if known.</summary>
    public string? IpAddress { get; }
}
