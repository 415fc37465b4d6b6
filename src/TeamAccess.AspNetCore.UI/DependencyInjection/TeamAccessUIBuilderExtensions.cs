using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamAccess.AspNetCore.UI;
using TeamAccess.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the TeamAccess account and team pages to a host, as <c>AddDefaultUI</c> adds ASP.NET Core Identity's.</summary>
public static class TeamAccessUIBuilderExtensions
{
    /// <summary>The Razor area the pages live in; a host page at <c>Areas/TeamAccess/Pages/&lt;Page&gt;.cshtml</c> replaces the package's.</summary>
    public const string AreaName = "TeamAccess";

    /// <summary>
    /// Adds the account and team pages (a Razor Class Library in the area <see cref="AreaName"/>), served under
    /// <see cref="TeamAccessUIOptions.PathPrefix"/> once the host calls <c>app.MapTeamAccessPages()</c>. Call it after
    /// <c>AddAspNetCore()</c>. A host overrides one page by adding its own at the same path,
    /// <c>Areas/TeamAccess/Pages/SignIn.cshtml</c> say, as with Identity UI.
    /// </summary>
    /// <param name="builder">The builder <c>AddTeamAccess</c> returned.</param>
    /// <param name="configure">Sets the path prefix, product name and navigation links.</param>
    /// <returns>The builder.</returns>
    public static TeamAccessBuilder AddDefaultUI(this TeamAccessBuilder builder, Action<TeamAccessUIOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TeamAccessUIOptions>()
            .Configure(configure ?? (_ => { }))
            .Validate(o => TeamAccessUIOptions.IsValidPrefix(o.PathPrefix), "TeamAccessUIOptions.PathPrefix must be empty or start with '/', not end with '/', and hold only letters, digits, '/', '-', '_' and '.'.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ProductName), "TeamAccessUIOptions.ProductName must not be empty.")
            .Validate(o => o.ScimPath is null || (o.ScimPath.Length > 1 && TeamAccessUIOptions.IsValidPrefix(o.ScimPath)), "TeamAccessUIOptions.ScimPath must be null, or start with '/', not end with '/', and hold only letters, digits, '/', '-', '_' and '.'.")
            .ValidateOnStart();
        services.AddLocalization();
        services.TryAddSingleton<TeamAccessMessages>();
        services.AddRazorPages();
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<TeamAccessUIOptions>>((pages, ui) =>
        {
            var prefix = ui.Value.PathPrefix.Trim('/');
            pages.Conventions.AddAreaFolderRouteModelConvention(AreaName, "/", model => Prefix(model, prefix));
        });
        return builder;
    }

    /// <summary>Moves a page of the area from <c>TeamAccess/...</c> to <c>{prefix}/...</c>.</summary>
    private static void Prefix(PageRouteModel model, string prefix)
    {
        foreach (var selector in model.Selectors)
        {
            if (selector.AttributeRouteModel?.Template is { } template
                && (template == AreaName || template.StartsWith(AreaName + "/", StringComparison.Ordinal)))
            {
                var rest = template[AreaName.Length..].TrimStart('/');
                selector.AttributeRouteModel.Template = prefix.Length == 0 ? rest : rest.Length == 0 ? prefix : prefix + "/" + rest;
            }
        }
    }
}
