namespace TeamAccess.Invitations;

/// <summary>What an administrator sends: the addresses, the role they are offered, and optionally a lifetime.</summary>
public sealed class InviteRequest
{
    /// <summary>Initializes a new instance of the <see cref="InviteRequest"/> class.</summary>
    /// <param name="addresses">The addresses, each as typed.</param>
    /// <param name="role">The role offered, from the role catalog.</param>
    public InviteRequest(IReadOnlyList<string> addresses, string role)
    {
        Addresses = addresses;
        Role = role;
    }

    /// <summary>Gets the addresses, each as typed.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>Gets the role offered, from the role catalog.</summary>
    public string Role { get; }

    /// <summary>Gets how long the invitations live; <see langword="null"/> for <see cref="InvitationOptions.Lifetime"/>.</summary>
    public TimeSpan? Lifetime { get; init; }

    /// <summary>A request from pasted text: addresses separated by white space, commas or semicolons.</summary>
    /// <param name="addresses">The pasted text, such as <c>"a@x.io b@y.io"</c>.</param>
    /// <param name="role">The role offered.</param>
    /// <param name="lifetime">How long the invitations live; <see langword="null"/> for <see cref="InvitationOptions.Lifetime"/>.</param>
    /// <returns>The request.</returns>
    public static InviteRequest FromText(string addresses, string role, TimeSpan? lifetime = null) => new(InvitationAddresses.Split(addresses), role) { Lifetime = lifetime };
}
