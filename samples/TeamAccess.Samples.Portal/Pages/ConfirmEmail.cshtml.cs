namespace TeamAccess.Samples.Portal.Pages;

/// <summary>The activation link: confirms the address.</summary>
public sealed class ConfirmEmailModel(IUserService users) : PortalPage
{
    /// <summary>Gets what happened.</summary>
    public string Outcome { get; private set; } = "";

    /// <summary>Confirms the address with the link's token.</summary>
    /// <param name="token">The token.</param>
    /// <returns>A task.</returns>
    public async Task OnGetAsync(string? token)
    {
        var result = await users.ConfirmEmailAsync(token ?? "");
        Outcome = result.Succeeded ? $"Your address {result.Value!.Email} is confirmed. You can sign in now." : Words(result.Error);
    }
}
