#if NET10_0_OR_GREATER
using System.Text.Json.Serialization;
using Fido2NetLib;

namespace TeamAccess.Accounts;

/// <summary>
/// The source-generated JSON of a registration response: Fido2's own <c>FidoModelSerializerContext</c> holds the
/// assertion response but not this one, and the reflection serializer is unsafe under trimming and native AOT.
/// </summary>
[JsonSerializable(typeof(AuthenticatorAttestationRawResponse))]
internal sealed partial class PasskeyJson : JsonSerializerContext;
#endif
