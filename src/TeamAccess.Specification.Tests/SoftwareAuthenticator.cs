using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace TeamAccess.Specification.Tests;

/// <summary>
/// A WebAuthn authenticator in software, for tests without a browser: one EC P-256 key per credential, attestation
/// <c>none</c>, and the client data, authenticator data and signatures built by hand as WebAuthn §6 and §7 lay them out.
/// Each method answers with the JSON a browser's <c>PublicKeyCredential</c> serializes to (binary fields base64url).
/// </summary>
internal sealed class SoftwareAuthenticator(string origin, bool backupEligible = false) : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    /// <summary>Gets or sets the origin the next ceremony reports (a phishing site reports its own).</summary>
    public string Origin { get; set; } = origin;

    /// <summary>Gets or sets the signature counter the next assertion reports; each assertion adds one first.</summary>
    public uint SignCount { get; set; }

    /// <summary>Gets or sets whether the authenticator verifies its user (the UV flag).</summary>
    public bool VerifiesUser { get; set; } = true;

    private byte[]? _userHandle;
    private string? _rpId;

    /// <summary>Answers <c>navigator.credentials.create</c> with the options' challenge, relying party and user.</summary>
    public string Create(string optionsJson)
    {
        var options = JsonNode.Parse(optionsJson)!;
        _rpId = options["rp"]!["id"]!.GetValue<string>();
        _userHandle = Base64Url(options["user"]!["id"]!.GetValue<string>());
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>());

        var parameters = _key.ExportParameters(false);
        var cose = new CborWriter(CborConformanceMode.Lax);
        cose.WriteStartMap(5);
        cose.WriteInt32(1);
        cose.WriteInt32(2);
        cose.WriteInt32(3);
        cose.WriteInt32(-7);
        cose.WriteInt32(-1);
        cose.WriteInt32(1);
        cose.WriteInt32(-2);
        cose.WriteByteString(parameters.Q.X!);
        cose.WriteInt32(-3);
        cose.WriteByteString(parameters.Q.Y!);
        cose.WriteEndMap();

        var attested = new List<byte>(AuthenticatorData(0x40));
        attested.AddRange(new byte[16]);
        attested.Add((byte)(CredentialId.Length >> 8));
        attested.Add((byte)CredentialId.Length);
        attested.AddRange(CredentialId);
        attested.AddRange(cose.Encode());

        var attestation = new CborWriter(CborConformanceMode.Lax);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString([.. attested]);
        attestation.WriteEndMap();

        return new JsonObject
        {
            ["id"] = Base64Url(CredentialId),
            ["rawId"] = Base64Url(CredentialId),
            ["type"] = "public-key",
            ["response"] = new JsonObject
            {
                ["attestationObject"] = Base64Url(attestation.Encode()),
                ["clientDataJSON"] = Base64Url(clientData),
                ["transports"] = new JsonArray("internal"),
            },
            ["clientExtensionResults"] = new JsonObject(),
        }.ToJsonString();
    }

    /// <summary>Answers <c>navigator.credentials.get</c> with the options' challenge, signing with this credential's key.</summary>
    public string Get(string optionsJson)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>());
        SignCount++;
        var authenticatorData = AuthenticatorData(0);
        var signature = _key.SignData([.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new JsonObject
        {
            ["id"] = Base64Url(CredentialId),
            ["rawId"] = Base64Url(CredentialId),
            ["type"] = "public-key",
            ["response"] = new JsonObject
            {
                ["authenticatorData"] = Base64Url(authenticatorData),
                ["clientDataJSON"] = Base64Url(clientData),
                ["signature"] = Base64Url(signature),
                ["userHandle"] = Base64Url(_userHandle!),
            },
            ["clientExtensionResults"] = new JsonObject(),
        }.ToJsonString();
    }

    public void Dispose() => _key.Dispose();

    private byte[] ClientData(string type, string challenge) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = Origin, ["crossOrigin"] = false }.ToJsonString());

    /// <summary>rpIdHash, flags (UP, UV when set, BE/BS when backup eligible, plus <paramref name="more"/>), counter.</summary>
    private byte[] AuthenticatorData(byte more)
    {
        var data = new byte[37];
        SHA256.HashData(Encoding.UTF8.GetBytes(_rpId!), data);
        data[32] = (byte)(0x01 | (VerifiesUser ? 0x04 : 0) | (backupEligible ? 0x18 : 0) | more);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(33), SignCount);
        return data;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64Url(string text) => Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4));
}
