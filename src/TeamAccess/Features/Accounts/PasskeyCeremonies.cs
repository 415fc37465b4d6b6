using System.Buffers.Binary;
using Microsoft.Extensions.Options;
#if NET10_0_OR_GREATER
using Fido2NetLib;
using Fido2NetLib.Objects;
using Fido2NetLib.Serialization;
#endif

namespace TeamAccess.Accounts;

/// <summary>
/// The WebAuthn ceremonies, verified by the Fido2 library against <see cref="PasskeyOptions"/>: the relying party id, the
/// allowed origins, user verification required, attestation <c>none</c> (the key is trusted as the user's, not vouched
/// for by a vendor), and resident keys required so that a passkey signs in alone. Nothing here reads or writes a store.
/// The net8.0 build has no verifier (<see cref="PasskeyOptions"/> refuses to start with passkeys on).
/// </summary>
internal sealed class PasskeyCeremonies(IOptions<TeamAccessOptions> options)
{
    private PasskeyOptions Options => options.Value.Passkeys;

    /// <summary>The WebAuthn user handle of a user: the 16 bytes of their id (no personal data).</summary>
    public static byte[] UserHandle(UserId userId) => userId.Value.ToByteArray();

    /// <summary>Reads the signature counter and the backup flags from raw authenticator data (WebAuthn §6.1); false when it is too short.</summary>
    public static bool TryReadAuthenticatorData(ReadOnlySpan<byte> authenticatorData, out uint signCount, out bool backupEligible, out bool backedUp)
    {
        signCount = 0;
        backupEligible = backedUp = false;
        if (authenticatorData.Length < 37)
        {
            return false;
        }

        var flags = authenticatorData[32];
        backupEligible = (flags & 0x08) != 0;
        backedUp = (flags & 0x10) != 0;
        signCount = BinaryPrimitives.ReadUInt32BigEndian(authenticatorData[33..37]);
        return true;
    }

#if NET10_0_OR_GREATER
    private Fido2 Create() => new(new Fido2Configuration
    {
        RPID = Options.RelyingPartyId!,
        RPName = Options.RelyingPartyName,
        Origins = new HashSet<string>(Options.Origins, StringComparer.Ordinal),
        Timeout = (uint)Options.ChallengeLifetime.TotalMilliseconds,
    }, null!);

    /// <summary>The options of a registration (JSON for <c>navigator.credentials.create</c>), excluding the user's passkeys.</summary>
    public string RegistrationOptions(UserId userId, string email, string displayName, IEnumerable<byte[]> registered) =>
        Create().RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = UserHandle(userId), Name = email, DisplayName = displayName },
            ExcludeCredentials = [.. registered.Select(id => new PublicKeyCredentialDescriptor(id))],
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Required,
            },
            AttestationPreference = AttestationConveyancePreference.None,
            PubKeyCredParams = PubKeyCredParam.Defaults,
        }).ToJson();

    /// <summary>The options of an assertion (JSON for <c>navigator.credentials.get</c>): any discoverable passkey, or one of <paramref name="allowed"/>.</summary>
    public string AssertionOptions(IEnumerable<byte[]>? allowed) =>
        Create().GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [.. (allowed ?? []).Select(id => new PublicKeyCredentialDescriptor(id))],
            UserVerification = UserVerificationRequirement.Required,
        }).ToJson();

    /// <summary>The credential id an assertion names, or <see langword="null"/> when the JSON is not an assertion.</summary>
    public static PasskeyAssertion? ReadAssertion(string? json)
    {
        try
        {
            var response = json is { Length: > 0 and <= 64 * 1024 } ? System.Text.Json.JsonSerializer.Deserialize(json, FidoModelSerializerContext.Default.AuthenticatorAssertionRawResponse) : null;
            return response is { RawId.Length: > 0 and <= StoredPasskey.MaxCredentialIdLength, Response.AuthenticatorData: not null, Response.Signature: not null, Response.ClientDataJson: not null }
                ? new PasskeyAssertion(response.RawId, response.Response.AuthenticatorData, response)
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Verifies a registration against the options it answers; <see langword="null"/> when it does not verify.</summary>
    public async ValueTask<RegisteredPasskey?> VerifyRegistrationAsync(string optionsJson, string? responseJson, CancellationToken cancellationToken)
    {
        try
        {
            var response = responseJson is { Length: > 0 and <= 64 * 1024 } ? System.Text.Json.JsonSerializer.Deserialize(responseJson, PasskeyJson.Default.AuthenticatorAttestationRawResponse) : null;
            if (response is null)
            {
                return null;
            }

            var registered = await Create().MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = CredentialCreateOptions.FromJson(optionsJson),

                // Uniqueness is the store's: its index on the credential id refuses a taken one at commit.
                IsCredentialIdUniqueToUserCallback = (_, _) => Task.FromResult(true),
            }, cancellationToken).ConfigureAwait(false);
            return registered.Id is { Length: > 0 and <= StoredPasskey.MaxCredentialIdLength }
                ? new RegisteredPasskey(registered.Id, registered.PublicKey, registered.SignCount, registered.IsBackupEligible, registered.IsBackedUp)
                : null;
        }
        catch (Exception e) when (e is Fido2VerificationException or System.Text.Json.JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Verifies an assertion's signature, origin, relying party, challenge and user verification against the options it
    /// answers and the stored key. The counter is not judged here (the caller compares it with the stored one in its write).
    /// </summary>
    public async ValueTask<bool> VerifyAssertionAsync(string optionsJson, PasskeyAssertion assertion, StoredPasskey stored, CancellationToken cancellationToken)
    {
        var response = (AuthenticatorAssertionRawResponse)assertion.Response;
        try
        {
            await Create().MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = Fido2NetLib.AssertionOptions.FromJson(optionsJson),
                StoredPublicKey = stored.PublicKey,

                // 0: the library does not judge the counter; the caller does, against the counter stored when it writes.
                StoredSignatureCounter = 0,
                IsUserHandleOwnerOfCredentialIdCallback = (p, _) => Task.FromResult(p.UserHandle.AsSpan().SequenceEqual(UserHandle(stored.UserId))),
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is Fido2VerificationException or System.Text.Json.JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
#else
#pragma warning disable CA1822 // The net10.0 build's members use the options; these stand-ins keep the same shape.
    public string RegistrationOptions(UserId userId, string email, string displayName, IEnumerable<byte[]> registered) => throw Unavailable();

    public string AssertionOptions(IEnumerable<byte[]>? allowed) => throw Unavailable();

    public static PasskeyAssertion? ReadAssertion(string? json) => throw Unavailable();

    public ValueTask<RegisteredPasskey?> VerifyRegistrationAsync(string optionsJson, string? responseJson, CancellationToken cancellationToken) => throw Unavailable();

    public ValueTask<bool> VerifyAssertionAsync(string optionsJson, PasskeyAssertion assertion, StoredPasskey stored, CancellationToken cancellationToken) => throw Unavailable();

    private static PlatformNotSupportedException Unavailable() => new("Passkeys need the net10.0 build of TeamAccess.");
#pragma warning restore CA1822
#endif
}
