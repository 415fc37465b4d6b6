using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Accounts;

/// <summary>The default <see cref="IUserService"/>.</summary>
internal sealed partial class UserService(
    IUserStore users,
    TeamWriter writer,
    PasswordPolicy passwordPolicy,
    PasswordHasher passwordHasher,
    IdentityProviderRegistry providers,
    IEmailConfirmationSender confirmationSender,
    IPasswordResetSender resetSender,
    IOptions<TeamAccessOptions> options,
    ITryCounterStore tries,
    MessageDelivery delivery,
    IServiceProvider services,
    ILogger<UserService>? logger = null) : IUserService
{
    /// <summary>The kind byte of an activation link's token (user id + secret); its format is <see cref="SecretTokens"/>'.</summary>
    internal const byte ActivationToken = 1;

    /// <summary>The kind byte of a password reset token (user id + secret): another kind, so neither token passes for the other.</summary>
    internal const byte PasswordResetToken = 2;

    /// <summary>The refusal of an activation token: it names the link the user followed, not an invitation.</summary>
    internal const string InvalidActivationLink = "The activation link is not valid: it is mistyped, already used, or replaced by a newer one.";

    /// <summary>The refusal of a password-reset token.</summary>
    internal const string InvalidResetLink = "The password-reset link is not valid: it is mistyped, already used, expired, or replaced by a newer one.";

    private readonly ILogger _logger = logger ?? NullLogger<UserService>.Instance;

    private EmailConfirmationOptions Confirmation => options.Value.EmailConfirmation;

    private PasswordOptions Passwords => options.Value.Passwords;

    public async ValueTask<Result<SignUpResult>> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (refusal, email) = await CheckFormAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return Result<SignUpResult>.Failed(refusal);
        }

        var passwordHash = passwordHasher.Hash(request.Password!);
        var userId = UserId.New();
        var activation = SecretTokens.Issue(ActivationToken, userId.Value);
        var started = await StartAsync(userId, email, request.FirstName, request.LastName, request.TeamName, request.TeamHandle, passwordHash, null, activation, false, cancellationToken).ConfigureAwait(false);
        if (started.TryGetValue(out var created))
        {
            // Counted against the address's daily budget, never stopped by it: resends a stranger asked for before the
            // sign-up must not keep the owner's first activation link from them.
            await SpendMailAsync("activation", email, Confirmation.MaxMessagesPerAddressPerDay, cancellationToken).ConfigureAwait(false);
            await SendActivationAsync(created.User.Id, created.User.Email, created.User.FirstName, created.User.CreatedAt + Confirmation.Lifetime, activation.Token, cancellationToken).ConfigureAwait(false);
        }

        return started;
    }

    /// <summary>What a sign-up form got wrong, whoever has the address: its format, a name's, the password policy.</summary>
    private async ValueTask<(TeamAccessError? Refusal, string Email)> CheckFormAsync(SignUpRequest request, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryNormalize(request.Email, out var email))
        {
            return (new TeamAccessError(TeamAccessErrorCode.InvalidEmail, ErrorMessages.For(TeamAccessErrorCode.InvalidEmail)), string.Empty);
        }

        var refusal = CheckNames(request.FirstName, request.LastName, request.TeamName, request.TeamHandle);
        if (refusal is not TeamAccessErrorCode.None)
        {
            return (new TeamAccessError(refusal, ErrorMessages.For(refusal)), email);
        }

        // A request read from JSON can still lack the required password: judged as an empty one.
        var failed = await passwordPolicy.CheckAsync(request.Password ?? string.Empty, email, cancellationToken).ConfigureAwait(false);
        return (failed.Count > 0 ? PasswordPolicy.Refusal(failed) : null, email);
    }

    /// <summary>
    /// Commits the one write a real request of <paramref name="operation"/> costs, for an address it finds nothing to do
    /// for: an attempt in the audit, with no subject, so neither the answer nor its timing tells what the address has.
    /// </summary>
    private async ValueTask RecordAttemptAsync(string operation, string action, CancellationToken cancellationToken) =>
        await writer.RunAsync<bool>(null, operation, (changes, _) =>
        {
            changes.RecordAttempt(action);
            return ValueTask.FromResult(Result<bool>.Ok(true));
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Counts one message of <paramref name="kind"/> to the address against its daily budget, apart from every team (the
    /// try counters): <see langword="false"/> once the day's budget is spent. The key holds a hash of the address, never
    /// the address.
    /// </summary>
    private ValueTask<bool> SpendMailAsync(string kind, string normalizedEmail, int perDay, CancellationToken cancellationToken)
    {
        var now = writer.Time.GetUtcNow();
        var key = $"mail-{kind}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(normalizedEmail)))}";
        return tries.TryCountAsync(key, perDay, now, now.AddDays(1), cancellationToken);
    }

    public async ValueTask<Result<SignUpResult>> SignUpWithIdentityAsync(ExternalSignUpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var refusal = CheckNames(request.FirstName, request.LastName, request.TeamName, request.TeamHandle);
        if (refusal is not TeamAccessErrorCode.None)
        {
            return Result<SignUpResult>.Failed(refusal);
        }

        if (!providers.TryGet(request.Provider, out var provider))
        {
            return Result<SignUpResult>.Failed(TeamAccessErrorCode.UnknownProvider);
        }

        if (request.Token is null)
        {
            return Result<SignUpResult>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        var identity = await provider.ValidateAsync(request.Token, request.Nonce, cancellationToken).ConfigureAwait(false);
        if (!identity.TryGetValue(out var proven))
        {
            return Result<SignUpResult>.Failed(identity.Error!);
        }

        if (!proven.EmailVerified || !EmailAddress.TryNormalize(proven.Email, out var email))
        {
            return Result<SignUpResult>.Failed(TeamAccessErrorCode.EmailNotVerified);
        }

        // A team's own provider serves that team, not sign-up; and an address is the new user's only when the host
        // trusts the provider to prove addresses of its domain (otherwise anybody's address could be claimed first).
        if (provider.Scope != IdentityProviderScope.Global)
        {
            return Result<SignUpResult>.Failed(TeamAccessErrorCode.ProviderNotAccepted);
        }

        if (!providers.IsAuthoritative(provider.Name, email))
        {
            return Result<SignUpResult>.Failed(TeamAccessErrorCode.ProviderNotAuthoritative);
        }

        return await StartAsync(UserId.New(), email, request.FirstName, request.LastName, request.TeamName, request.TeamHandle, null, proven, null, false, cancellationToken).ConfigureAwait(false);
    }

    private static TeamAccessErrorCode CheckNames(string firstName, string lastName, string teamName, string teamHandle)
    {
        if (!Names.TryNormalizeName(firstName, out _) || !Names.TryNormalizeName(lastName, out _) || !Names.TryNormalizeName(teamName, out _))
        {
            return TeamAccessErrorCode.InvalidName;
        }

        return Handle.IsValid(teamHandle) ? TeamAccessErrorCode.None : TeamAccessErrorCode.InvalidHandle;
    }

    /// <summary>
    /// Creates the user and their team, together: with a password hash and a pending activation (unconfirmed), or linked
    /// to an external identity whose provider proved the address (confirmed).
    /// </summary>
    private ValueTask<Result<SignUpResult>> StartAsync(UserId userId, string email, string firstName, string lastName, string teamName, string teamHandle, string? passwordHash, ExternalIdentity? identity, (string Token, string Hash)? activation, bool proven, CancellationToken cancellationToken)
    {
        Names.TryNormalizeName(firstName, out var first);
        Names.TryNormalizeName(lastName, out var last);
        Names.TryNormalizeName(teamName, out var team);

        return writer.RunAsync(
            userId,
            "SignUp",
            async (changes, ct) =>
            {
                // The store's unique indexes are the authority; these early looks only give the common case a clean path.
                if (await users.FindByEmailAsync(email, ct).ConfigureAwait(false) is not null)
                {
                    return Result<SignUpResult>.Failed(TeamAccessErrorCode.DuplicateEmail);
                }

                if (identity is not null && await users.FindByLoginAsync(identity.Issuer, identity.Subject, ct).ConfigureAwait(false) is not null)
                {
                    return Result<SignUpResult>.Failed(TeamAccessErrorCode.LoginAlreadyLinked);
                }

                var user = new StoredUser(userId, email, first!, last!, changes.Now)
                {
                    PasswordHash = passwordHash,
                    EmailConfirmed = identity is not null || proven,
                    EmailConfirmationHash = activation?.Hash,
                    EmailConfirmationExpiresAt = activation is null ? null : changes.Now + Confirmation.Lifetime,
                };
                changes.CreateUser(user);
                if (identity is not null)
                {
                    changes.LinkLogin(new ExternalLogin(userId, identity.Provider, identity.Issuer, identity.Subject));
                }

                var started = TeamAggregate.Start(changes, user, team!, teamHandle);
                return Result<SignUpResult>.Ok(new SignUpResult(user.ToView(), started.Stored, started.Founder.ToView()));
            },
            cancellationToken);
    }

    public async ValueTask<Result<User>> UpdateNameAsync(UserId actor, UserId userId, string firstName, string lastName, CancellationToken cancellationToken = default)
    {
        if (!Names.TryNormalizeName(firstName, out var first) || !Names.TryNormalizeName(lastName, out var last))
        {
            return Result<User>.Failed(TeamAccessErrorCode.InvalidName);
        }

        if (actor != userId)
        {
            return Result<User>.Failed(TeamAccessErrorCode.PermissionDenied);
        }

        return await writer.RunAsync(
            actor,
            "UpdateName",
            async (changes, ct) =>
            {
                var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
                if (user is null)
                {
                    return Result<StoredUser>.Failed(TeamAccessErrorCode.NotFound);
                }

                if (user.FirstName == first && user.LastName == last)
                {
                    return Result<StoredUser>.Ok(user);
                }

                var after = user with { FirstName = first, LastName = last };
                changes.UpdateUser(user, after, AuditActions.UserRenamed);
                return Result<StoredUser>.Ok(after);
            },
            cancellationToken).AsView().ConfigureAwait(false);
    }

    public async ValueTask<Result> DeleteAsync(UserId actor, UserId userId, CancellationToken cancellationToken = default)
    {
        if (actor != userId)
        {
            return Result.Failed(TeamAccessErrorCode.PermissionDenied);
        }

        return await writer.RunAsync(
            actor,
            "DeleteUser",
            async (changes, ct) =>
            {
                var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
                if (user is null)
                {
                    return Result<StoredUser>.Failed(TeamAccessErrorCode.NotFound);
                }

                foreach (var teamId in await writer.Teams.ListTeamIdsForUserToEndAsync(userId, ct).ConfigureAwait(false))
                {
                    // The guardian rule of leaving, in each team: the last Active guardian cannot delete the account.
                    var left = await writer.Teams.LoadAsync(teamId, ct).ConfigureAwait(false) is { } snapshot
                        ? changes.Edit(snapshot).LeaveWithDeletedAccount(userId)
                        : Result.Success;
                    if (!left.Succeeded)
                    {
                        return Result<StoredUser>.Failed(left.Error);
                    }
                }

                changes.DeleteUser(user);
                return Result<StoredUser>.Ok(user);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<User?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        EmailAddress.TryNormalize(email, out var normalized) ? users.FindByEmailAsync(normalized, cancellationToken).AsView() : ValueTask.FromResult<User?>(null);

    public ValueTask<User?> FindByIdAsync(UserId userId, CancellationToken cancellationToken = default) =>
        users.FindByIdAsync(userId, cancellationToken).AsView();
}
