using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TeamAccess.AspNetCore;

namespace TeamAccess;

/// <summary>
/// Turns TeamAccess results into HTTP responses: a refusal into its problem details (<see cref="TeamAccessProblems"/>),
/// a success into 200 with the value (204 without one); a write's consistency token goes back in the
/// <see cref="TeamAccessHeaders.ConsistencyToken"/> header, so the client can send it with its next request.
/// </summary>
public static class TeamAccessResultExtensions
{
    /// <summary>The minimal-API response of a result without a value.</summary>
    /// <param name="result">The result.</param>
    /// <returns>204, or the refusal's problem.</returns>
    public static IResult ToHttpResult(this Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WithToken(result, result.Succeeded ? TypedResults.NoContent() : Problem(result.Error));
    }

    /// <summary>The minimal-API response of a result with a value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="result">The result.</param>
    /// <returns>200 with the value, or the refusal's problem.</returns>
    public static IResult ToHttpResult<T>(this Result<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WithToken(result, result.TryGetValue(out var value) ? TypedResults.Ok(value) : Problem(result.Error!));
    }

    /// <summary>
    /// The minimal-API response of a result whose value the host shows in its own shape (a view without stamps or
    /// counters): 200 with <paramref name="map"/> of the value, or the refusal's problem; the consistency token as ever.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <typeparam name="TResponse">The response body's type.</typeparam>
    /// <param name="result">The result.</param>
    /// <param name="map">Makes the response body from the value.</param>
    /// <returns>200 with the body, or the refusal's problem.</returns>
    public static IResult ToHttpResult<T, TResponse>(this Result<T> result, Func<T, TResponse> map)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(map);
        return WithToken(result, result.TryGetValue(out var value) ? TypedResults.Ok(map(value)) : Problem(result.Error!));
    }

    /// <summary>The MVC response of a result without a value.</summary>
    /// <param name="result">The result.</param>
    /// <returns>204, or the refusal's problem.</returns>
    public static IActionResult ToActionResult(this Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new HttpResultAction(result.ToHttpResult());
    }

    /// <summary>The MVC response of a result with a value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="result">The result.</param>
    /// <returns>200 with the value, or the refusal's problem.</returns>
    public static IActionResult ToActionResult<T>(this Result<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new HttpResultAction(result.ToHttpResult());
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(TeamAccessError error)
    {
        var problem = TeamAccessProblems.ToProblemDetails(error);
        return TypedResults.Problem(problem);
    }

    private static IResult WithToken(Result result, IResult inner) =>
        result.ConsistencyToken is { } token ? new TokenResult(token, inner) : inner;

    /// <summary>Sets the consistency-token header, then writes the inner response.</summary>
    private sealed class TokenResult(ConsistencyToken token, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[TeamAccessHeaders.ConsistencyToken] = token.ToString();
            return inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>An MVC action result that writes a minimal-API result.</summary>
    private sealed class HttpResultAction(IResult inner) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => inner.ExecuteAsync(context.HttpContext);
    }
}
