using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TeamAccess.AspNetCore.Scim;

/// <summary>A SCIM response: a status, an <c>application/scim+json</c> body, and its <c>ETag</c> and <c>Location</c>.</summary>
internal sealed class ScimResult(int status, JsonNode? body, string? version = null, string? location = null) : IResult
{
    public const string ContentType = "application/scim+json";

    public int Status => status;

    public JsonNode? Body => body;

    public static ScimResult NoContent { get; } = new(StatusCodes.Status204NoContent, null);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        if (version is not null)
        {
            response.Headers[HeaderNames.ETag] = ScimJson.ETag(version);
        }

        if (location is not null)
        {
            response.Headers[HeaderNames.Location] = location;
        }

        if (body is null)
        {
            return;
        }

        response.ContentType = ContentType;
        var writer = new Utf8JsonWriter(response.Body);
        await using (writer.ConfigureAwait(false))
        {
            body.WriteTo(writer);
            await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
