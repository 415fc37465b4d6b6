using System.Text.Json.Serialization;

namespace TeamAccess.Accounts;

/// <summary>The source-generated JSON of <see cref="SealedSignUp"/>.</summary>
[JsonSerializable(typeof(SealedSignUp))]
internal sealed partial class SealedSignUpJson : JsonSerializerContext;
