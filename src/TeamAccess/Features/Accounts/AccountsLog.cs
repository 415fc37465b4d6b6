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

    [LoggerMessage(EventId = 1310, EventName = "SessionSignedOut", Level = LogLevel.Information, Message = "TeamAccess signed out session {SessionId} of user {UserId}")]
    public static partial void SessionSignedOut(this ILogger logger, Guid sessionId, UserId userId);

    [LoggerMessage(EventId = 1311, EventName = "SignedOutEverywhere", Level = LogLevel.Information, Message = "TeamAccess signed out every session of user {UserId}")]
    public static partial void SignedOutEverywhere(this ILogger logger, UserId userId);

    [LoggerMessage(EventId = 1312, EventName = "PasswordChanged", Level = LogLevel.Information, Message = "TeamAccess changed the password of user {UserId}; their other sessions ended")]
    public static partial void PasswordChanged(this ILogger logger, UserId userId);

    [LoggerMessage(EventId = 1313, EventName = "TeamSwitched", Level = LogLevel.Information, Message = "TeamAccess switched user {UserId} from team {From} to team {To}")]
    public static partial void TeamSwitched(this ILogger logger, UserId userId, TeamId from, TeamId to);

    [LoggerMessage(EventId = 1314, EventName = "SessionSignedOutFromAnother", Level = LogLevel.Information, Message = "TeamAccess signed out session {SessionId} of user {UserId} from another session")]
    public static partial void SessionSignedOutFromAnother(this ILogger logger, Guid sessionId, UserId userId);

    [LoggerMessage(EventId = 1315, EventName = "OtherSessionsSignedOut", Level = LogLevel.Information, Message = "TeamAccess signed out {Count} other sessions of user {UserId}")]
    public static partial void OtherSessionsSignedOut(this ILogger logger, int count, UserId userId);

    [LoggerMessage(EventId = 1320, EventName = "ResetBudgetSpent", Level = LogLevel.Information, Message = "TeamAccess password reset request refused: the address's daily budget of {Budget} messages is spent")]
    public static partial void ResetBudgetSpent(this ILogger logger, int budget);

    [LoggerMessage(EventId = 1321, EventName = "PasswordReset", Level = LogLevel.Information, Message = "TeamAccess reset the password of user {UserId}; every session of theirs ended")]
    public static partial void PasswordReset(this ILogger logger, UserId userId);

    [LoggerMessage(EventId = 1330, EventName = "SecondFactorSignIn", Level = LogLevel.Information, Message = "TeamAccess signed user {UserId} in to team {TeamId} with a second factor")]
    public static partial void SecondFactorSignIn(this ILogger logger, UserId userId, TeamId teamId);

    [LoggerMessage(EventId = 1331, EventName = "SecondFactorProved", Level = LogLevel.Information, Message = "TeamAccess: user {UserId} proved a second factor in session {SessionId}")]
    public static partial void SecondFactorProved(this ILogger logger, UserId userId, Guid sessionId);

    [LoggerMessage(EventId = 1332, EventName = "AuthenticatorRemoved", Level = LogLevel.Information, Message = "TeamAccess removed the authenticator of user {UserId}; their other sessions ended")]
    public static partial void AuthenticatorRemoved(this ILogger logger, UserId userId);

    [LoggerMessage(EventId = 1333, EventName = "SecondFactorRefused", Level = LogLevel.Information, Message = "TeamAccess refused a second factor for user {UserId}")]
    public static partial void SecondFactorRefused(this ILogger logger, UserId userId);

    [LoggerMessage(EventId = 1340, EventName = "PasskeyRegistrationRefused", Level = LogLevel.Information, Message = "TeamAccess refused a passkey registration for user {UserId}")]
    public static partial void PasskeyRegistrationRefused(this ILogger logger, UserId userId);

    [LoggerMessage(EventId = 1341, EventName = "PasskeyRegistered", Level = LogLevel.Information, Message = "TeamAccess registered passkey {PasskeyId} for user {UserId}")]
    public static partial void PasskeyRegistered(this ILogger logger, PasskeyId passkeyId, UserId userId);

    [LoggerMessage(EventId = 1342, EventName = "PasskeyRemoved", Level = LogLevel.Information, Message = "TeamAccess removed passkey {PasskeyId} of user {UserId}; their other sessions ended")]
    public static partial void PasskeyRemoved(this ILogger logger, PasskeyId passkeyId, UserId userId);

    [LoggerMessage(EventId = 1343, EventName = "PasskeyAssertionRefused", Level = LogLevel.Information, Message = "TeamAccess refused a passkey assertion")]
    public static partial void PasskeyAssertionRefused(this ILogger logger);

    [LoggerMessage(EventId = 1344, EventName = "PasskeyCounterRegressed", Level = LogLevel.Warning, Message = "TeamAccess refused passkey {PasskeyId} of user {UserId}: its signature counter did not move forward")]
    public static partial void PasskeyCounterRegressed(this ILogger logger, PasskeyId passkeyId, UserId userId);

    [LoggerMessage(EventId = 1345, EventName = "PasskeySignIn", Level = LogLevel.Information, Message = "TeamAccess signed user {UserId} in to team {TeamId} with a passkey")]
    public static partial void PasskeySignIn(this ILogger logger, UserId userId, TeamId teamId);

    [LoggerMessage(EventId = 1346, EventName = "PasskeySecondFactorSignIn", Level = LogLevel.Information, Message = "TeamAccess signed user {UserId} in to team {TeamId} with a passkey as second factor")]
    public static partial void PasskeySecondFactorSignIn(this ILogger logger, UserId userId, TeamId teamId);

    [LoggerMessage(EventId = 1347, EventName = "PasskeyProved", Level = LogLevel.Information, Message = "TeamAccess: user {UserId} proved a passkey in session {SessionId}")]
    public static partial void PasskeyProved(this ILogger logger, UserId userId, Guid sessionId);

    [LoggerMessage(EventId = 1348, EventName = "PasskeyEnrolmentRefused", Level = LogLevel.Information, Message = "TeamAccess refused a passkey enrolment for user {UserId}")]
    public static partial void PasskeyEnrolmentRefused(this ILogger logger, UserId userId);

    [LoggerMessage(EventId = 1349, EventName = "PasskeyEnrolled", Level = LogLevel.Information, Message = "TeamAccess enrolled passkey {PasskeyId} for user {UserId} and signed them in to team {TeamId}")]
    public static partial void PasskeyEnrolled(this ILogger logger, PasskeyId passkeyId, UserId userId, TeamId teamId);

    [LoggerMessage(EventId = 1350, EventName = "EphemeralSigningKey", Level = LogLevel.Warning, Message = "TeamAccess has no session signing keys configured (Sessions.SigningKeys); this process made an ephemeral key, so sessions end with the process and do not validate on other instances.")]
    public static partial void EphemeralSigningKey(this ILogger logger);
}
