using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamAccess.Storage;

namespace TeamAccess.AspNetCore;

/// <summary>
/// The per-client budget of the anonymous routes that send mail (security review 3, L3): one try counted per request
/// and client in the store's try counters, so every instance shares the count and no team is written.
/// </summary>
internal sealed class ClientMailBudget : IEndpointFilter
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var limit = services.GetRequiredService<IOptions<TeamAccessApiOptions>>().Value.MailRequestsPerClientPerHour;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var counted = await services.GetRequiredService<ITryCounterStore>()
            .TryCountAsync($"client-mail:{client}", limit, now, now + Window, http.RequestAborted).ConfigureAwait(false);
        if (!counted)
        {
            http.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Result.Failed(TeamAccessErrorCode.RateLimited).ToHttpResult();
        }

        return await next(context).ConfigureAwait(false);
    }
}
