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
    /// <param name="name">
    /// The provider's name, as teams' policies and sessions name it: 1 to 64 ASCII letters, digits, <c>-</c>, <c>_</c> or
    /// <c>.</c>, and not <c>password</c>; any other name throws <see cref="ArgumentException"/> here.
    /// </param>
    /// <param name="configure">Sets the issuer, the audience (client id), the keys, the scope and the authoritative domains.</param>
    /// <returns>The builder.</returns>
    public TeamAccessBuilder AddOidcProvider(string name, Action<OidcProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        if (!IdentityProviderNames.IsValid(name) || name == IdentityProviderNames.Password)
        {
            throw new ArgumentException($"An identity provider's name is 1 to {IdentityProviderNames.MaxLength} ASCII letters, digits, '-', '_' or '.', and not '{IdentityProviderNames.Password}'; '{name}' is not.", nameof(name));
        }

        Services.AddSingleton<IIdentityProvider>(sp =>
        {
            var options = new OidcProviderOptions();
            configure(options);
            return new OidcIdentityProvider(name, options, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<OidcIdentityProvider>>());
        });
        return this;
    }

    /// <summary>
    /// Registers an identity provider of the host's own. Its name must be 1 to 64 ASCII letters, digits, <c>-</c>, <c>_</c>
    /// or <c>.</c> (checked when the host starts); its <see cref="IIdentityProvider.Scope"/> and
    /// <see cref="IIdentityProvider.IsAuthoritativeFor"/> say where it is accepted and which addresses it proves.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The builder.</returns>
    public TeamAccessBuilder AddIdentityProvider(IIdentityProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Services.AddSingleton(provider);
        return this;
    }
}
