using Microsoft.EntityFrameworkCore;
using TeamAccess;
using TeamAccess.Accounts;
using TeamAccess.Invitations;

namespace TeamAccess.Samples.Portal;

/// <summary>
/// Builds the portal: TeamAccess on an embedded SQLite file, its ASP.NET Core package and Razor Pages; in Development also
/// an outbox folder and a stand-in SSO provider (<see cref="PortalDevelopmentFeatures"/>), which must never be exposed.
/// </summary>
public static class PortalApp
{
    /// <summary>
    /// Builds the portal and brings its database up to date. Settings: <c>Portal:DataDirectory</c> (the SQLite file and the
    /// outbox), <c>Portal:DevelopmentMail</c> and <c>Portal:StandInSso</c> (the development stand-ins, on by default only in
    /// Development; refused in Production).
    /// </summary>
    /// <param name="args">The command line (<c>--urls</c>, <c>--environment</c>, <c>--Portal:DataDirectory=...</c>).</param>
    /// <returns>The app, not started yet.</returns>
    /// <exception cref="InvalidOperationException">The environment is Production and a development stand-in is turned on.</exception>
    public static Task<WebApplication> BuildAsync(string[] args) => BuildAsync(args, configure: null);

    /// <summary>Builds the portal, letting a test adjust the builder (its logging, say) before anything is registered.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="configure">Runs on the builder first, or <see langword="null"/>.</param>
    /// <returns>The app, not started yet.</returns>
    internal static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(PortalApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        // 0. The development stand-ins hand out accounts to anyone who can reach the portal: on by default only in
        //    Development, on elsewhere only when asked for (and then logged as a warning), never in Production.
        var features = PortalDevelopmentFeatures.From(builder.Environment, builder.Configuration);
        builder.Services.AddSingleton(features);
        var data = builder.Configuration["Portal:DataDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "portal-data");
        Directory.CreateDirectory(data);

        // 1. Mail is the host's. In development this portal writes each message to a file in the outbox folder, and the
        //    Outbox page lists them; elsewhere the library's default senders log that a message was not delivered (ids only,
        //    never a token): a real deployment registers its mail service here.
        if (features.DevelopmentMail)
        {
            var outbox = new FolderOutbox(Path.Combine(data, "outbox"));
            builder.Services.AddSingleton(outbox);
            builder.Services.AddSingleton<IInvitationSender>(outbox);
            builder.Services.AddSingleton<IEmailConfirmationSender>(outbox);
            builder.Services.AddSingleton<IPasswordResetSender>(outbox);
        }

        // 2. TeamAccess with the Owner/Administrator/Member/Observer roles and the portal's own device permissions, stored in
        //    an embedded SQLite file, and the ASP.NET Core package: the session cookie, [TeamPermission] and antiforgery. In
        //    development a team may name the portal's stand-in SSO provider (the /FakeSso page) in its sign-in policy.
        var connection = builder.Configuration.GetConnectionString("TeamAccess") ?? $"Data Source={Path.Combine(data, "portal.db")}";
        var teamAccess = builder.Services.AddTeamAccess(options =>
        {
            options.Roles.UsePreset(RolePresets.OwnerAdministratorMemberObserver);
            options.Permissions.Add(Pages.DevicesModel.Read, Pages.DevicesModel.Write, Pages.DevicesModel.Manage);

            // Passkeys: the relying party and the origins the browser's ceremonies come from (validated at start).
            PortalPasskeys.Configure(options.Passkeys, builder.Environment, builder.Configuration);

            // The Development outbox shows a message as soon as the page that sent it answers; elsewhere mail goes out
            // after the answer (AddAspNetCore's default), so a form's timing tells nobody which addresses have accounts.
            if (features.DevelopmentMail)
            {
                options.Mail.DeliverInBackground = false;
            }
        });
        if (features.StandInSso)
        {
            var sso = new FakeSsoProvider();
            builder.Services.AddSingleton(sso);
            teamAccess.AddOidcProvider(FakeSsoProvider.Name, sso.Configure);

            // A real team-bound provider serves the one customer the host bound it to; the stand-in serves every team.
            builder.Services.AddSingleton<ITeamProviderBinding>(sso);
        }

        // The portal's own devices, in a table of its own beside TeamAccess's: the Groups page grants them by name (the
        //    UI package's ITeamResourceCatalog), and the Devices page lists them.
        var devices = new DeviceTable(connection);
        builder.Services.AddSingleton(devices);
        builder.Services.AddSingleton<TeamAccess.AspNetCore.UI.ITeamResourceCatalog>(devices);

        // 3. The account and team pages, from the TeamAccess.AspNetCore.UI package, at the site's root (/SignIn, /Users...),
        //    with the portal's own links and device access levels. The portal replaces one page, its home (/), with its own
        //    Areas/TeamAccess/Pages/Index.cshtml.
        teamAccess.AddEntityFrameworkStores(db => db.UseSqlite(connection)).AddAspNetCore().AddDefaultUI(ui =>
        {
            ui.PathPrefix = "";
            ui.ProductName = "Team portal";
            ui.SsoSignInPath = "/SsoSignIn";
            ui.DevelopmentOutboxPath = features.DevelopmentMail ? "/Outbox" : null;
            ui.GrantLevels["read"] = [Pages.DevicesModel.Read];
            ui.GrantLevels["read and write"] = [Pages.DevicesModel.Read, Pages.DevicesModel.Write];
            ui.NavigationLinks.Add(new("Devices", "/Devices") { Id = "nav-devices" });
            ui.NavigationLinks.Add(new("SSO policy", "/SsoPolicy") { Id = "nav-sso", Permission = Permissions.TeamSignInPolicy });
            ui.ScimPath = "/scim/v2";
        });

        // The stand-ins' pages have no route when their stand-in is off: they answer 404 like any unknown path.
        builder.Services.AddRazorPages(options =>
        {
            if (!features.DevelopmentMail)
            {
                options.Conventions.AddPageRouteModelConvention("/Outbox", page => page.Selectors.Clear());
            }

            if (!features.StandInSso)
            {
                options.Conventions.AddPageRouteModelConvention("/FakeSso", page => page.Selectors.Clear());
            }
        });
        builder.Services.AddOpenApi();
        builder.AddPortalTelemetry();

        var app = builder.Build();
        if (features.DevelopmentMail)
        {
            app.Logger.LogWarning(
                "Development mail is on ({Key}, environment {Environment}): every activation, password reset and invitation link is written to {Folder} and listed to anyone at /Outbox. Never expose this portal.",
                PortalDevelopmentFeatures.DevelopmentMailKey, app.Environment.EnvironmentName, Path.Combine(data, "outbox"));
        }

        if (features.StandInSso)
        {
            app.Logger.LogWarning(
                "The stand-in SSO provider is on ({Key}, environment {Environment}): /FakeSso signs anyone in as any address of {Domain} without a password. Never expose this portal.",
                PortalDevelopmentFeatures.StandInSsoKey, app.Environment.EnvironmentName, FakeSsoProvider.Domain);
        }

        await app.Services.MigrateTeamAccessDatabaseAsync();
        await devices.EnsureCreatedAsync(CancellationToken.None);

        app.UseStatusCodePagesWithReExecute("/Status", "?code={0}");

        // The pages' Bootstrap and script are the UI package's static web assets (_content/TeamAccess.AspNetCore.UI/...).
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapTeamAccessPages();

        // 4. The same accounts as a JSON API for scripts and single-page apps, described at /openapi/v1.json.
        app.MapGroup("/api").MapTeamAccessApi();

        // 5. The teams' directories (Okta, Entra ID...) provision their people over SCIM 2.0, each with a key the team's
        //    guardian makes on the Directory page.
        app.MapGroup("/scim/v2").MapTeamAccessScim();
        app.MapOpenApi();
        return app;
    }
}
