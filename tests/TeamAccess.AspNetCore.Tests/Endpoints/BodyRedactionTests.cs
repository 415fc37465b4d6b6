using System.Reflection;
using System.Runtime.CompilerServices;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>
/// Security review 3, L5: the HTTP bodies (requests and responses) never print a password, token, code or nonce in
/// their <c>ToString</c>, so a host that logs a body (an exception filter that logs arguments) leaks none. Found by
/// reflection, so a new body with such a property is held to it the day it is added.
/// </summary>
public sealed class BodyRedactionTests
{
    private static readonly string[] SecretWords = ["Password", "Token", "Code", "Secret", "Nonce", "Hash", "Salt"];

    // Named like a secret, and not one: an invite outcome's Code is the refusal's error code (InvalidEmail, ...).
    private static readonly string[] NotSecrets = ["InviteOutcomeResponse.Code"];

    [Fact]
    public void EveryBodyWithASecretNamedProperty_PrintsNoSecretValue()
    {
        var bodies = typeof(TeamAccessClaimTypes).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.ContainsGenericParameters
                && t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is not null
                && Secrets(t).Count > 0)
            .ToList();

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "SignInBody", "ChangePasswordBody", "ResetPasswordBody", "SignUpBody", "AcceptWithNewAccountBody", "TokenBody", "InvitationKeyBody",
                "SessionResponse", "AntiforgeryResponse", "IssuedApiKeyResponse",
            },
            bodies.Select(t => t.Name).ToHashSet(StringComparer.Ordinal));
        foreach (var type in bodies)
        {
            var instance = RuntimeHelpers.GetUninitializedObject(type);
            var secrets = new List<string>();
            foreach (var property in Strings(type))
            {
                var secret = Secrets(type).Contains(property);
                var value = secret ? $"SECRET-{property.Name}-{Guid.NewGuid():N}" : "plain";
                property.SetValue(instance, value);
                if (secret)
                {
                    secrets.Add(value);
                }
            }

            var printed = instance.ToString()!;
            Assert.All(secrets, s => Assert.DoesNotContain(s, printed, StringComparison.Ordinal));
        }
    }

    private static IEnumerable<PropertyInfo> Strings(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Where(p => p.PropertyType == typeof(string) && p.CanWrite);

    private static List<PropertyInfo> Secrets(Type type) =>
        [.. Strings(type).Where(p => SecretWords.Any(w => p.Name.Contains(w, StringComparison.Ordinal)) && !NotSecrets.Contains($"{type.Name}.{p.Name}"))];
}
