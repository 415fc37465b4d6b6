using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore;

/// <summary>The step-up check of a dangerous action, for the endpoint filter and for the routes that check it after their input.</summary>
internal static class StepUp
{
    /// <summary>
    /// <see langword="null"/> when the request's session proved a second factor within the step-up window, else the
    /// refusal (RecentSecondFactorRequired, or SecondFactorEnrolmentRequired for a user without one, or the session's own).
    /// </summary>
    public static async Task<IResult?> RefusalAsync(HttpContext http)
    {
        var authenticated = await http.AuthenticateAsync(TeamAccessAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        var token = authenticated.Properties?.GetTokenValue(TeamAccessAuthenticationHandler.SessionTokenName);
        if (token is null || !Guid.TryParse(http.User.FindFirstValue(TeamAccessClaimTypes.TeamId), out var team))
        {
            return Result.Failed(TeamAccessErrorCode.SignInRequired).ToHttpResult();
        }

        var factors = http.RequestServices.GetRequiredService<ISecondFactorService>();
        var recent = await factors.RequireRecentSecondFactorAsync(token, new TeamId(team), http.RequestAborted).ConfigureAwait(false);
        return recent.Succeeded ? null : recent.ToHttpResult();
    }
}
