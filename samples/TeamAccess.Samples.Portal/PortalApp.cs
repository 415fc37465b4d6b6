using Microsoft.EntityFrameworkCore;
using TeamAccess;

namespace TeamAccess.Samples.Portal;

/// <summary>Builds the portal: TeamAccess on an embedded SQLite file, its ASP.NET Core package, Razor Pages, an outbox folder, and a stand-in SSO provider.</summary>
public static class PortalApp
{
    /// <summary>Builds the portal and brings its database up to date. Settings: <c>Portal:DataDirectory</c> (the SQLite file and the outbox).</summary>
    /// <param name="args">The command line (<c>--urls</c>, <c>--Portal:DataDirectory=...</c>).</param>
    /// <returns>The app, not started yet.</returns>
    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(PortalApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var data = builder.Configuration["Portal:DataDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "portal-data");
        Directory.CreateDirectory(data);

        // 1. Mail is the host's: this portal writes each message to a file in the outbox folder, and the Outbox page lists them.
        var outbox = new FolderOutbox(Path.Combine(data, "outbox"));
        builder.Services.AddSingleton(outbox);
        builder.Services.AddSingleton<IInvitationSender>(outbox);
        builder.Services.AddSingleton<IEmailConfirmationSender>(outbox);
        builder.Services.AddSingleton<IPasswordResetSender>(outbox);

        // 2. TeamAccess with the Owner/Administrator/Member/Observer roles and the portal's own device permissions, stored in
        //    an embedded SQLite file, and the ASP.NET Core package: the session cookie, [TeamPermission] and antiforgery. A
        //    team may name the portal's stand-in SSO provider (the /FakeSso page) in its sign-in policy.
        var sso = new FakeSsoProvider();
        builder.Services.AddSingleton(sso);
        var connection = builder.Configuration.GetConnectionString("TeamAccess") ?? $"Data Source={Path.Combine(data, "portal.db")}";
        builder.Services.AddTeamAccess(options =>
            {
                options.Roles.UsePreset(RolePresets.OwnerAdministratorMemberObserver);
                options.Permissions.Add(Pages.DevicesModel.Read, Pages.DevicesModel.Write);
            })
            .AddOidcProvider(FakeSsoProvider.Name, sso.Configure)
            .AddEntityFrameworkStores(db => db.UseSqlite(connection))
            .AddAspNetCore();

        builder.Services.AddRazorPages();
        builder.Services.AddOpenApi();

        var app = builder.Build();
        await app.Services.MigrateTeamAccessDatabaseAsync();

        app.UseStatusCodePagesWithReExecute("/Status", "?code={0}");
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();

        // 3. The same accounts as a JSON API for scripts and single-page apps, described at /openapi/v1.json.
        app.MapGroup("/api").MapTeamAccessApi();
        app.MapOpenApi();
        return app;
    }
}
