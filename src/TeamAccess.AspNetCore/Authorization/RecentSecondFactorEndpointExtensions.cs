using Microsoft.AspNetCore.Http;
using TeamAccess.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Step-up on minimal-API endpoints: a dangerous action of the host's own (deleting a team, changing its sign-in policy).</summary>
public static class RecentSecondFactorEndpointExtensions
{
    /// <summary>
    /// Requires a session that proved a second factor within <c>SecondFactors.StepUpWindow</c> (10 minutes by default),
    /// and otherwise answers the problem the client turns into a prompt: 401 <c>RecentSecondFactorRequired</c> (step up
    /// with <c>POST /step-up</c>), or 403 <c>SecondFactorEnrolmentRequired</c> for a user with no second factor. Put it
    /// after <c>RequireAuthorization</c> or a team-permission requirement: <c>app.MapDelete(...).RequireTeamPermission("team.delete").RequireRecentSecondFactor()</c>.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequireRecentSecondFactor<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RequireAuthorization();
        return builder.AddEndpointFilter(async (context, next) =>
            await StepUp.RefusalAsync(context.HttpContext).ConfigureAwait(false) is { } refusal ? refusal : await next(context).ConfigureAwait(false));
    }
}
