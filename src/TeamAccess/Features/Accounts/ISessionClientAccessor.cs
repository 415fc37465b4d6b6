namespace TeamAccess.Accounts;

/// <summary>
/// The client of the sign-in in progress, read when a session is issued (by a password, a second factor, a passkey or a
/// provider's token alike). The ASP.NET Core package registers one that reads the current request; a host without it
/// may register its own. Without one, sessions are recorded with an unknown device and no address.
/// </summary>
public interface ISessionClientAccessor
{
    /// <summary>Gets the client of the current sign-in, or <see langword="null"/> when unknown.</summary>
    SessionClient? Current { get; }
}
