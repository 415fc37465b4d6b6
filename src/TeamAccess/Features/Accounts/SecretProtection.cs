using Microsoft.Extensions.DependencyInjection;

namespace TeamAccess.Accounts;

/// <summary>
/// The host's <see cref="ISecretProtector"/>, resolved when a feature first needs one: a host that uses no such feature
/// need not register one, and one that does learns at the first use what to register.
/// </summary>
internal static class SecretProtection
{
    /// <summary>The host's protector, or a clear configuration error naming what needed it.</summary>
    /// <param name="services">The container.</param>
    /// <param name="feature">What needs the protector, for the error: "Second factors", "A public sign-up".</param>
    /// <returns>The protector.</returns>
    /// <exception cref="InvalidOperationException">The host registered none.</exception>
    public static ISecretProtector Require(IServiceProvider services, string feature) =>
        services.GetService<ISecretProtector>()
        ?? throw new InvalidOperationException($"{feature} need an ISecretProtector: AddAspNetCore registers one over ASP.NET Core Data Protection; elsewhere register a KeyedSecretProtector with a key of the host's.");
}
