namespace TeamAccess.Invitations;

/// <summary>
/// What an invitee presents: the link token from the message, or the short code typed into an "account name + invite
/// code" form together with the team's handle and the invited email, to which the code is bound.
/// </summary>
public sealed class InvitationKey
{
    private InvitationKey(string? token, string? teamHandle, string? email, string? code)
    {
        Token = token;
        TeamHandle = teamHandle;
        Email = email;
        Code = code;
    }

    internal string? Token { get; }

    internal string? TeamHandle { get; }

    internal string? Email { get; }

    internal string? Code { get; }

    internal bool IsCode => Code is not null;

    /// <summary>A key from the link token. A missing token makes a key that answers InvalidToken.</summary>
    /// <param name="token">The token as received.</param>
    /// <returns>The key.</returns>
    public static InvitationKey FromToken(string token) => new(token ?? "", null, null, null);

    /// <summary>A key from the short code, bound to the team and the invited email. Missing parts make a key that answers InvalidToken.</summary>
    /// <param name="teamHandle">The team's handle (the "account name").</param>
    /// <param name="email">The invited email address.</param>
    /// <param name="code">The code as typed; case, spaces and hyphens do not matter.</param>
    /// <returns>The key.</returns>
    public static InvitationKey FromCode(string teamHandle, string email, string code) => new(null, teamHandle ?? "", email ?? "", code ?? "");

    /// <summary>Never shows the secret.</summary>
    /// <returns>A description without the token or code.</returns>
    public override string ToString() => IsCode ? $"invitation code for {Email} at {TeamHandle}" : "invitation token";
}
