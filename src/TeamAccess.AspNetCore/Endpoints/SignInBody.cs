using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>
/// Sign in to one team, named by its handle (or its id): with an email and password, or with a token of an identity
/// provider (<see cref="Provider"/>, <see cref="Token"/> and its nonce).
/// </summary>
internal sealed record SignInBody(string? Email, string? Password, string? TeamHandle, string? TeamId, string? Provider, string? Token, string? Nonce);
