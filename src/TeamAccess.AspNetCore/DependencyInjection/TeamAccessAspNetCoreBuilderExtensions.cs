using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamAccess;
using TeamAccess.AspNetCore;
using TeamAccess.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts TeamAccess into an ASP.NET Core host's authentication, authorization and JSON.</summary>
public static class TeamAccessAspNetCoreBuilderExtensions
{
    /// <summary>
    /// Adds the TeamAccess authentication scheme (as the default scheme; session token from <c>Authorization: Bearer</c>
    /// or the session cookie), the team-permission policies (<c>RequireTeamPermission</c>, <c>[TeamPermission]</c>, any
    /// <c>TeamPermission:…</c> policy name, with no registration per permission), and JSON that writes ids as strings and
    /// enums as names. Use <c>app.UseAuthentication()</c> and <c>app.UseAuthorization()</c> as usual. Authenticator
    /// secrets are protected with ASP.NET Core Data Protection (purpose <c>TeamAccess.SecondFactors.v1</c>) unless the
    /// host registered its own <see cref="TeamAccess.Accounts.ISecretProtector"/> first; several instances need Data
    /// Protection's key ring shared (<c>PersistKeysTo…</c>), as for cookies. Activation and password-reset messages go to
    /// the senders after the request has answered (<see cref="MailOptions.DeliverInBackground"/>), unless the host set
    /// that option itself.
    /// </summary>
    /// <param name="builder">The builder <c>AddTeamAccess</c> returned.</param>
    /// <param name="configure">Where the scheme reads the token.</param>
    /// <returns>The builder.</returns>
    public static TeamAccessBuilder AddAspNetCore(this TeamAccessBuilder builder, Action<TeamAccessAuthenticationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddAuthentication(TeamAccessAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<TeamAccessAuthenticationOptions, TeamAccessAuthenticationHandler>(TeamAccessAuthenticationDefaults.AuthenticationScheme, configure ?? (_ => { }));
        services.AddAuthorization();
        services.AddAntiforgery();
        services.AddOptions<TeamAccessApiOptions>()
            .Validate(o => o.MailRequestsPerClientPerHour is >= 1 and <= 100_000, "TeamAccessApiOptions.MailRequestsPerClientPerHour must be between 1 and 100,000.")
            .ValidateOnStart();
        services.AddDataProtection();

        // A web host answers anonymous forms: their mail goes out after the answer, unless the host decided otherwise.
        services.Configure<TeamAccessOptions>(o => o.Mail.DeliverInBackground ??= true);
        services.TryAddSingleton<TeamAccess.Accounts.ISecretProtector, DataProtectionSecretProtector>();

        // A new session records the device and address of the request that signed in.
        services.AddHttpContextAccessor();
        services.TryAddSingleton<TeamAccess.Accounts.ISessionClientAccessor, HttpSessionClientAccessor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, TeamPermissionHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, SessionTeamHandler>());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationPolicyProvider, TeamPermissionPolicyProvider>());
        services.ConfigureHttpJsonOptions(json => TeamAccessJson.Configure(json.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(json => TeamAccessJson.Configure(json.JsonSerializerOptions));
        return builder;
    }
}
