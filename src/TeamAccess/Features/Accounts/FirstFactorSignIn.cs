using Microsoft.Extensions.Options;
using TeamAccess.Writes;

namespace TeamAccess.Accounts;

/// <summary>
/// The first step of every sign-in, whether it ends in a session (<see cref="SessionService"/>) or waits for a second
/// factor (<see cref="SecondFactorService"/>): the credential is judged by its provider, the team must accept that
/// provider, and the user needs an Active membership there.
/// </summary>
internal sealed class FirstFactorSignIn(
    IUserStore users,
    TeamWriter writer,
    PasswordSignIn passwords,
    IdentityProviderRegistry providers,
    ITeamSignInPolicyProvider policies,
    ExternalSignIn external,
    IOptions<TeamAccessOptions> options,
    TeamAccessTelemetry? telemetry = null)
{
    private readonly TeamAccessTelemetry _telemetry = telemetry ?? TeamAccessTelemetry.Unregistered;

    /// <summary>The team a sign-in names by the handle the user knows: trimmed and lower-cased; InvalidHandle or NotFound otherwise.</summary>
    public async ValueTask<Result<TeamId>> FindTeamAsync(string? teamHandle, CancellationToken cancellationToken)
    {
        var handle = teamHandle?.Trim().ToLowerInvariant();
        if (!Handle.IsValid(handle))
        {
            return Result<TeamId>.Failed(TeamAccessErrorCode.InvalidHandle);
        }

        var teamId = await writer.Teams.FindIdByHandleAsync(handle!, cancellationToken).ConfigureAwait(false);
        return teamId is { } id ? Result<TeamId>.Ok(id) : Result<TeamId>.Failed(TeamAccessErrorCode.NotFound);
    }

    /// <summary>
    /// Proves the first factor, recorded as one sign-in (a span, and the sign-ins counter by the credential's kind and
    /// outcome: <c>signed_in</c>, <c>second_factor</c> when a second factor must follow, or <c>refused</c> with its code).
    /// </summary>
    public async ValueTask<Result<ProvenFirstFactor>> ProveAsync(SignInCredential credential, TeamId teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var kind = credential is PasswordCredential ? "password" : "external";
        using var span = TeamAccessTelemetry.Start("SignIn");
        span?.SetTag(TeamAccessTelemetry.ProviderKind, kind);
        span?.SetTag(TeamAccessTelemetry.TeamId, teamId.Value);
        var proven = await ProveFirstFactorAsync(credential, teamId, cancellationToken).ConfigureAwait(false);
        _telemetry.RecordSignIn(span, kind, proven.Succeeded ? (proven.Value!.SecondFactorDemand is null ? null : "second_factor") : null, proven.Succeeded ? null : proven.Code);
        return proven;
    }

    private async ValueTask<Result<ProvenFirstFactor>> ProveFirstFactorAsync(SignInCredential credential, TeamId teamId, CancellationToken cancellationToken)
    {
        if (!providers.IsRegistered(credential.Provider) && !TeamProviderDirectory.IsTeamProviderName(credential.Provider))
        {
            return Result<ProvenFirstFactor>.Failed(TeamAccessErrorCode.UnknownProvider);
        }

        // The team's policy first: it is public (the "log in with team SSO" page shows it) and it saves a password's work.
        var team = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return Result<ProvenFirstFactor>.Failed(TeamAccessErrorCode.NotFound);
        }

        var policy = await policies.GetAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (!providers.Accepts(policy, credential.Provider))
        {
            return Result<ProvenFirstFactor>.Failed(policy.RequiresSso ? TeamAccessErrorCode.SsoRequired : TeamAccessErrorCode.ProviderNotAccepted);
        }

        Result<StoredMembership> membership;
        StoredUser? proven = null;
        var providerSecondFactor = false;
        switch (credential)
        {
            case PasswordCredential password:
                var user = await passwords.SignInAsync(password.Email, password.Password, cancellationToken).ConfigureAwait(false);
                if (!user.Succeeded)
                {
                    return Result<ProvenFirstFactor>.Failed(user.Error);
                }

                // Told only to whoever knows the password: the address must be proven before the password opens the account.
                if (!user.Value!.EmailConfirmed && options.Value.EmailConfirmation.RequiredForPasswordSignIn)
                {
                    return Result<ProvenFirstFactor>.Failed(TeamAccessErrorCode.EmailNotConfirmed);
                }

                membership = ActiveMembership.Of(team, user.Value!.Id);
                proven = user.Value;
                break;
            case TokenCredential token:
                bool multipleFactors;
                (membership, multipleFactors) = await external.SignInAsync(team, token, cancellationToken).ConfigureAwait(false);

                // The provider's word on its own second factor counts only where the team's guardian said it enforces one.
                providerSecondFactor = multipleFactors && TeamProviderId.TryParseName(credential.Provider, out var providerId)
                    && team.Providers.TryGetValue(providerId, out var teamProvider) && teamProvider.RequiresSecondFactor;
                break;
            default:
                throw new ArgumentException("Unknown credential type.", nameof(credential));
        }

        if (!membership.TryGetValue(out var active))
        {
            return Result<ProvenFirstFactor>.Failed(membership.Error!);
        }

        // A password session carries the stamp its proof was judged under, so a reset or sign-out everywhere that commits
        // after the proof ends it too; an external sign-in reads the current stamp.
        proven ??= await users.FindByIdAsync(active.UserId!.Value, cancellationToken).ConfigureAwait(false);
        return proven is null
            ? Result<ProvenFirstFactor>.Failed(TeamAccessErrorCode.NotFound)
            : Result<ProvenFirstFactor>.Ok(new ProvenFirstFactor(active, proven, credential.Provider, policy) { ProviderProvedSecondFactor = providerSecondFactor });
    }
}
