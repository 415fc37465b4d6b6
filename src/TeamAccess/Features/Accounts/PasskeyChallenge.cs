namespace TeamAccess.Accounts;

/// <summary>
/// A WebAuthn ceremony begun: the options to hand to the browser, and the id of the challenge to hand back with its answer.
/// The id is a bearer secret of the browser that began the ceremony (an HTTP host keeps it in an HttpOnly cookie, never
/// in a URL); the challenge works once, until <see cref="ExpiresAt"/>. Its <see cref="ToString"/> shows no id.
/// </summary>
public sealed class PasskeyChallenge
{
    internal PasskeyChallenge(string challengeId, string optionsJson, DateTimeOffset expiresAt)
    {
        ChallengeId = challengeId;
        OptionsJson = optionsJson;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the challenge's id, to send back with the answer.</summary>
    public string ChallengeId { get; }

    /// <summary>Gets the options, as JSON: <c>PublicKeyCredentialCreationOptions</c> or <c>PublicKeyCredentialRequestOptions</c> (binary fields base64url).</summary>
    public string OptionsJson { get; }

    /// <summary>Gets when the challenge stops being accepted.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"PasskeyChallenge {{ ExpiresAt = {ExpiresAt:O} }}";
}
