using System.Reflection;
using System.Runtime.CompilerServices;

namespace TeamAccess.Tests;

/// <summary>
/// Security review 3, L5: no record of the core, public or internal, prints a password, token, code, secret, nonce,
/// hash or salt in its <c>ToString</c> (the compiler-generated one prints every property). Found by reflection, so a
/// new record with such a property is held to it the day it is added.
/// </summary>
public sealed class RecordRedactionTests
{
    internal static readonly string[] SecretWords = ["Password", "Token", "Code", "Secret", "Nonce", "Hash", "Salt"];

    [Fact]
    public void EveryRecordWithASecretNamedProperty_PrintsNoSecretValue()
    {
        var records = RecordsWithSecrets(typeof(TeamAccessOptions).Assembly).ToList();

        // The scan finds what it is meant to find.
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal) { "StoredUser", "ImportRow", "ImportEntry", "Issued", "InvitationSecret" },
            records.Select(t => t.Name).ToHashSet(StringComparer.Ordinal));
        foreach (var type in records)
        {
            var (printed, secrets) = Print(type);
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, printed, StringComparison.Ordinal));
        }
    }

    /// <summary>Record types (classes and structs, public or not) with a settable string property whose name reads like a secret.</summary>
    /// <param name="assembly">The assembly to scan.</param>
    /// <returns>The types.</returns>
    internal static IEnumerable<Type> RecordsWithSecrets(Assembly assembly) =>
        assembly.GetTypes().Where(t => !t.IsAbstract && !t.ContainsGenericParameters
            && t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is not null
            && SecretProperties(t).Any());

    /// <summary>Prints an instance whose secret-named properties hold unique values, and returns those values.</summary>
    /// <param name="type">A record type.</param>
    /// <returns>What <c>ToString</c> printed and the secret values.</returns>
    internal static (string Printed, IReadOnlyList<string> Secrets) Print(Type type)
    {
        var instance = RuntimeHelpers.GetUninitializedObject(type);
        var secrets = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Where(p => p.PropertyType == typeof(string) && p.CanWrite))
        {
            var value = IsSecret(property) ? $"SECRET-{property.Name}-{Guid.NewGuid():N}" : "plain";
            property.SetValue(instance, value);
            if (IsSecret(property))
            {
                secrets.Add(value);
            }
        }

        return (instance.ToString()!, secrets);
    }

    private static IEnumerable<PropertyInfo> SecretProperties(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Where(p => p.PropertyType == typeof(string) && p.CanWrite && IsSecret(p));

    private static bool IsSecret(PropertyInfo property) => SecretWords.Any(w => property.Name.Contains(w, StringComparison.Ordinal));
}
