using TeamAccess.AspNetCore.UI;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>The messages of the outbox folder, to anyone: served only while <see cref="PortalDevelopmentFeatures.DevelopmentMail"/> is on (in development).</summary>
public sealed class OutboxModel(FolderOutbox outbox) : TeamAccessPageModel
{
    /// <summary>Gets the folder.</summary>
    public string Folder => outbox.Folder;

    /// <summary>Gets the messages.</summary>
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    /// <summary>Reads the folder.</summary>
    public void OnGet() => Messages = outbox.List();
}
