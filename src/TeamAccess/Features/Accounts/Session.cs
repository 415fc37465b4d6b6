namespace TeamAccess.Accounts;

/// <summary>A signed-in session bound to one team. Its <see cref="ToString"/> never shows the token.</summary>
public sealed class Session
{
    internal Session(string accessToken, SessionInfo info)
    {
        AccessToken = accessToken;
        Info = info;
    }

    /// <summary>Gets the signed JWT to present on each request (a bearer secret: never log it).</summary>
    public string AccessToken { get; }

    /// <summary>Gets who the session is for, in which team, through which provider, until when.</summary>
    public SessionInfo Info { get; }

    /// <inheritdoc />
    public override string ToString() => $"Session {{ UserId = {Info.UserId}, TeamId = {Info.TeamId}, Role = {Info.Role}, Provider = {Info.Provider}, ExpiresAt = {Info.ExpiresAt:O} }}";
}
