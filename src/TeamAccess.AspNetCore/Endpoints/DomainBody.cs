namespace TeamAccess.AspNetCore;

/// <summary>A domain to claim, such as <c>acme.example</c>.</summary>
internal sealed record DomainBody(string? Domain);
