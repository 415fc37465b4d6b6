using Microsoft.Extensions.Logging;

namespace TeamAccess.Accounts;

/// <summary>
/// The Accounts room's log messages, source-generated, with stable event ids (1300-1399). No password, token, code or
/// address is ever a parameter: ids, provider names and exception types only.
/// </summary>
internal static partial class AccountsLog
{
    [LoggerMessage(EventId = 1300, EventName = "ProviderTokenRefused", Level = LogLevel.Information, Message = "TeamAccess refused a token of identity provider {Provider}: {Reason}")]
    public static partial void ProviderTokenRefused(this ILogger logger, string provider, string reason);

    [LoggerMessage(EventId = 1301, EventName = "ProviderKeysNotRefreshed", Level = LogLevel.Warning, Message = "TeamAccess could not refresh the keys of identity provider {Provider}: {ExceptionType}")]
    public static partial void ProviderKeysNotRefreshed(this ILogger logger, string provider, string exceptionType);

    [LoggerMessage(EventId = 1302, EventName = "ProviderKeysLoaded", Level = LogLevel.Information, Message = "TeamAccess loaded {Count} signing keys of identity provider {Provider}")]
    public static partial void ProviderKeysLoaded(this ILogger logger, int count, string provider);

    [LoggerMessage(EventId = 1303, EventName = "IssuerFetchStatus", Level = LogLevel.Information, Message = "TeamAccess fetched {Address} for a team provider: HTTP {Status}")]
    public static partial void IssuerFetchStatus(this ILogger logger, string address, int status);

    [LoggerMessage(EventId = 1304, EventName = "IssuerFetchFailed", Level = LogLevel.Information, Message = "TeamAccess could not fetch {Address} for a team provider: {ExceptionType}")]
    public static partial void IssuerFetchFailed(this ILogger logger, string address, string exceptionType);

    [LoggerMessage(EventId = 1305, EventName = "UnconfirmedPasswordEnded", Level = LogLevel.Warning, Message = "TeamAccess ended the password and sessions of unconfirmed user {UserId}: an authoritative provider proved the address")]
    public static partial void UnconfirmedPasswordEnded(this ILogger logger, UserId userId);

    [LoggerMessage(EventId = 1306, EventName = "SignInLockedOut", Level = LogLevel.Information, Message = "TeamAccess did not judge a password sign-in for user {UserId}: the account is locked out until {LockoutEnd} (answered as invalid credentials)")]
    public static partial void SignInLockedOut(this ILogger logger, UserId userId, DateTimeOffset? lockoutEnd);

    [LoggerMessage(EventId = 1307, EventName = "PasswordRefused", Level = LogLevel.Information, Message = "TeamAccess refused a password sign-in for user {UserId}")]
    public static partial void PasswordRefused(this ILogger logger, UserId userId);

    [LoggerMessage(EventId = 1308, EventName = "PasswordChangedWhileJudged", Level = LogLevel.Information, Message = "TeamAccess refused a password sign-in for user {UserId}: the password or the sessions changed while it was judged")]
    public static partial void PasswordChangedWhileJudged(this ILogger logger, UserId userId);
}
