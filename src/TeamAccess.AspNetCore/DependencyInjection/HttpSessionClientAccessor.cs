using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore;

/// <summary>
/// The client of a sign-in, read from the current request: its <c>User-Agent</c> header and its remote address (as the
/// host's forwarded-headers middleware, if any, has set it). Every sign-in path (API, portal pages) runs inside a request.
/// </summary>
internal sealed class HttpSessionClientAccessor(IHttpContextAccessor http) : ISessionClientAccessor
{
    public SessionClient? Current => http.HttpContext is { } context
        ? new SessionClient(context.Request.Headers[HeaderNames.UserAgent].ToString(), context.Connection.RemoteIpAddress?.ToString())
        : null;
}
