using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TeamAccess;

/// <summary>Returned by <c>AddTeamAccess</c>; storage packages add themselves on it (<c>AddEntityFrameworkStores</c>).</summary>
public sealed class TeamAccessBuilder
{
    internal TeamAccessBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the host's service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers an OpenID Connect identity provider under <paramref name="name"/>, whose id_tokens are validated against
    /// its issuer, audience and keys. Its options are checked when the host starts.
    /// </summary>
    /// <param name="name">The provider's name, as teams' policies and sessions name it (not <c>password</c>).</param>
    /// <param name="configure">Sets the issuer, the audience (client id) and the keys.</param>
    /// <returns>The builder.</returns>
    public TeamAccessBuilder AddOidcProvider(string name, Action<OidcProviderOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddSingleton<IIdentityProvider>(sp =>
        {
            var options = new OidcProviderOptions();
            configure(options);
            return new OidcIdentityProvider(name, options, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<OidcIdentityProvider>>());
        });
        return this;
    }

    /// <summary>Registers an identity provider of the host's own.</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The builder.</returns>
    public TeamAccessBuilder AddIdentityProvider(IIdentityProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Services.AddSingleton(provider);
        return this;
    }
}
