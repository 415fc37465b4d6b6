namespace TeamAccess.AspNetCore;

/// <summary>How many sessions a sign-out ended.</summary>
internal sealed record SignedOutResponse(int SignedOut);
