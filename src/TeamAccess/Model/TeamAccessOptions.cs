namespace TeamAccess;

/// <summary>Everything a host configures in <c>AddTeamAccess(options =&gt; ...)</c>. Validated at start-up.</summary>
public sealed class TeamAccessOptions
{
    /// <summary>Gets the role catalog; empty means the Owner/Administrator/Member/Observer preset.</summary>
    public RoleOptions Roles { get; } = new();

    /// <summary>Gets the host's permissions, registered beside the built-in ones.</summary>
    public PermissionOptions Permissions { get; } = new();

    /// <summary>Gets how invitations behave: lifetime and its bounds, batch size, resend rate, code attempts.</summary>
    public InvitationOptions Invitations { get; } = new();

    /// <summary>Gets the native password policy and work factor.</summary>
    public PasswordOptions Passwords { get; } = new();

    /// <summary>Gets how a password sign-up proves its email address: the activation link's lifetime, and whether password sign-in waits for it.</summary>
    public EmailConfirmationOptions EmailConfirmation { get; } = new();

    /// <summary>Gets how session tokens are signed and how long they live.</summary>
    public SessionOptions Sessions { get; } = new();

    /// <summary>Gets the second factors' options: the step-up window, the sign-in ticket's lifetime, the authenticator's issuer name.</summary>
    public SecondFactorOptions SecondFactors { get; } = new();

    /// <summary>Gets how messages reach the host's senders: inside the request, or from a background queue.</summary>
    public MailOptions Mail { get; } = new();
    /// <summary>Gets the passkeys' (WebAuthn) relying party: its id, name and origins, and how long a challenge lives.</summary>
    public PasskeyOptions Passkeys { get; } = new();

    /// <summary>Gets how this instance follows the change feed: the staleness bound, and what happens past it.</summary>
    public ChangeFeedOptions ChangeFeed { get; } = new();

    /// <summary>Gets how membership events reach the host's handlers: the consumer name, batch size, polling and retry back-off.</summary>
    public EventOptions Events { get; } = new();

    /// <summary>Gets how API keys of service accounts behave: their longest and default lifetime.</summary>
    public ApiKeyOptions ApiKeys { get; } = new();

    /// <summary>Gets how the team's directory (SCIM 2.0) provisions people: the role they are given, how often progress is logged.</summary>
    public DirectoryOptions Directory { get; } = new();
    /// <summary>Gets how teams configure their own identity providers and prove their domains by DNS.</summary>
    public TeamSsoOptions TeamSso { get; } = new();

    /// <summary>Gets how ownership offers behave: how long one stays open.</summary>
    public OwnershipOptions Ownership { get; } = new();

    /// <summary>Gets how writes behave under contention.</summary>
    public ConcurrencyOptions Concurrency { get; } = new();
}
