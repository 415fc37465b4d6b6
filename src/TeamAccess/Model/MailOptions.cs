namespace TeamAccess;

/// <summary>
/// How the messages of anonymous forms (activation, password reset, the note to an address that already has an account)
/// reach the host's senders. Invitations are sent by signed-in team members and always go out inside the request, so
/// that each address's outcome can say whether its message was handed over. Validated at start-up.
/// </summary>
public sealed class MailOptions
{
    /// <summary>
    /// Gets or sets whether messages go to the senders from a background queue, after the request that caused them has
    /// answered, instead of inside it. A public form then answers in the same time whether or not the address has an
    /// account, however slow the host's mail server is (security review 3, L3). A message whose delivery fails is logged
    /// (never its token) and not retried, as inline. Needs the host's hosted services to run (the generic host, or
    /// <c>StartTeamAccessAsync</c>). Default <see langword="null"/>: in the background when the host called
    /// <c>AddAspNetCore</c> (a web host with public forms), inside the request otherwise; set it to decide either way.
    /// </summary>
    public bool? DeliverInBackground { get; set; }

    /// <summary>
    /// Gets or sets how many messages may wait in the background queue; when it is full, a message is delivered inside
    /// its request rather than dropped. Default 1,024; 1 to 1,000,000.
    /// </summary>
    public int BackgroundQueueCapacity { get; set; } = 1_024;

    internal IEnumerable<string> Validate()
    {
        if (BackgroundQueueCapacity is < 1 or > 1_000_000)
        {
            yield return $"Mail.BackgroundQueueCapacity must be between 1 and 1,000,000; it is {BackgroundQueueCapacity}.";
        }
    }
}
