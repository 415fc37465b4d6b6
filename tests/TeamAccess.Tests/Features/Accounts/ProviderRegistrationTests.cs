using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

public sealed class ProviderRegistrationTests
{
    [Theory]
    [InlineData("acme sso")]
    [InlineData("acme\tsso")]
    [InlineData(" acme")]
    [InlineData("")]
    [InlineData("password")]
    public void AddOidcProvider_NameWithWhiteSpaceOrReserved_ThrowsAtRegistration(string name)
    {
        var builder = new ServiceCollection().AddTeamAccess();

        var error = Assert.Throws<ArgumentException>(() => builder.AddOidcProvider(name, _ => { }));
        Assert.Contains("name", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Start_HostProviderNamedWithWhiteSpace_FailsBeforeAnyPolicyIsStored()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTeamAccess().AddInMemoryStores().AddIdentityProvider(new NamedProvider("acme sso"));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.WarmUpTeamAccessAsync());
        Assert.Contains("'acme sso'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Acme.Example")]
    [InlineData("acme")]
    [InlineData("*.acme.example")]
    public async Task Start_AuthoritativeDomainThatIsNotALowerCaseDomainName_FailsTheStart(string domain)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTeamAccess().AddInMemoryStores().AddOidcProvider("acme-sso", o =>
        {
            o.Issuer = "https://sso.acme.example";
            o.Audience = "client";
            o.JsonWebKeySet = "{\"keys\":[]}";
            o.AuthoritativeDomains.Add(domain);
        });
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.WarmUpTeamAccessAsync());
        Assert.Contains($"authoritative domain '{domain}'", error.Message, StringComparison.Ordinal);
    }

    private sealed class NamedProvider(string name) : IIdentityProvider
    {
        public string Name { get; } = name;

        public ValueTask<Result<ExternalIdentity>> ValidateAsync(string token, string? nonce, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Result<ExternalIdentity>.Failed(TeamAccessErrorCode.InvalidToken));
    }
}
