namespace TeamAccess.Samples.Portal;

/// <summary>
/// The portal's two development stand-ins, which hand out accounts and so must never face the internet: the outbox folder
/// and its anonymous /Outbox page (every activation, reset and invitation link), and the password-less SSO provider (the
/// /FakeSso page, authoritative for <see cref="FakeSsoProvider.Domain"/>). Each is on by default in Development and off
/// elsewhere; <c>Portal:DevelopmentMail</c> and <c>Portal:StandInSso</c> turn them on or off explicitly, and the portal
/// refuses to start in Production with either on.
/// </summary>
/// <param name="DevelopmentMail">Whether mail goes to the outbox folder and the /Outbox page lists it; otherwise the library's logging senders log each message's ids and deliver nothing.</param>
/// <param name="StandInSso">Whether the stand-in SSO provider is registered and its /FakeSso page served.</param>
public sealed record PortalDevelopmentFeatures(bool DevelopmentMail, bool StandInSso)
{
    /// <summary>The setting that turns the outbox folder and the /Outbox page on or off.</summary>
    public const string DevelopmentMailKey = "Portal:DevelopmentMail";

    /// <summary>The setting that turns the stand-in SSO provider and the /FakeSso page on or off.</summary>
    public const string StandInSsoKey = "Portal:StandInSso";

    /// <summary>Gets whether either stand-in is on.</summary>
    public bool Any => DevelopmentMail || StandInSso;

    /// <summary>Decides the stand-ins from the environment and the settings, and refuses Production with either on.</summary>
    /// <param name="environment">The host's environment.</param>
    /// <param name="configuration">The settings.</param>
    /// <returns>The stand-ins that are on.</returns>
    /// <exception cref="InvalidOperationException">The environment is Production and a setting turns a stand-in on.</exception>
    public static PortalDevelopmentFeatures From(IHostEnvironment environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configuration);
        var development = environment.IsDevelopment();
        var features = new PortalDevelopmentFeatures(
            configuration.GetValue<bool?>(DevelopmentMailKey) ?? development,
            configuration.GetValue<bool?>(StandInSsoKey) ?? development);
        if (environment.IsProduction() && features.Any)
        {
            var on = string.Join(" and ", new[] { features.DevelopmentMail ? DevelopmentMailKey : null, features.StandInSso ? StandInSsoKey : null }.OfType<string>());
            throw new InvalidOperationException(
                $"The portal refuses to start: {on} is on in the Production environment. The outbox page lists every activation, "
                + "password reset and invitation link to anyone, and the stand-in SSO provider signs anyone in without a password; "
                + "both are for development only. Turn them off (or run with ASPNETCORE_ENVIRONMENT=Development on your own machine).");
        }

        return features;
    }
}
