using System.Reflection;

namespace TeamAccess.Tests;

/// <summary>
/// The host-facing public API (everything outside <c>TeamAccess.Storage</c>) carries no stored secret, stamp, counter or
/// lockout: a host that serializes or logs what a service returned leaks none of them.
/// </summary>
public sealed class PublicApiShapeTests
{
    private static readonly string[] StoredOnly = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "FailedSignInCount", "LockoutEnd"];

    // Input a host writes, never output it reads back: an import row brings a hash from the old system (its ToString
    // hides it). Nothing the services return is on this list.
    private static readonly string[] HostInputs = ["TeamAccess.ImportRow.PasswordHash"];

    [Fact]
    public void HostFacingTypes_ExposeNoStoredSecretStampCounterOrLockout()
    {
        var leaks = typeof(IUserService).Assembly.GetExportedTypes()
            .Where(t => t.Namespace != "TeamAccess.Storage")
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Select(p => (Type: t, Property: p.Name)))
            .Where(p => StoredOnly.Contains(p.Property))
            .Select(p => $"{p.Type.FullName}.{p.Property}")
            .Except(HostInputs)
            .ToList();

        Assert.Empty(leaks);
    }

    private const string Hash = "v1.pbkdf2-sha512.100000.c2FsdA.a2V5";

    [Fact]
    public void StoredRecords_KeepTheirSecretsInTheStorageNamespace()
    {
        // The guard above must be able to fail: the stored records do carry these properties, one namespace away.
        Assert.Equal("TeamAccess.Storage", typeof(StoredUser).Namespace);
        Assert.NotNull(typeof(StoredUser).GetProperty(nameof(StoredUser.PasswordHash)));
        Assert.NotNull(typeof(StoredMembership).GetProperty(nameof(StoredMembership.SecurityStamp)));
        Assert.DoesNotContain(Hash, new ImportRow { Email = "ada@example.com", TeamHandle = "t", Role = "Member", PasswordHash = Hash }.ToString(), StringComparison.Ordinal);
    }
}
