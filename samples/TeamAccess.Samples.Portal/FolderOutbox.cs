using System.Text;
using TeamAccess;
using TeamAccess.Accounts;
using TeamAccess.Invitations;

namespace TeamAccess.Samples.Portal;

/// <summary>
/// The portal's development "mail": every message is a text file in a folder, with the link the person would click, and the
/// anonymous /Outbox page lists them, so anyone who reaches the portal can take over any account. Registered only while
/// <see cref="PortalDevelopmentFeatures.DevelopmentMail"/> is on (in development). Each link carries its token in the
/// fragment (<c>#token=</c>), which browsers never send, so no request line or log holds it.
/// </summary>
public sealed class FolderOutbox(string folder) : IInvitationSender, IEmailConfirmationSender, IPasswordResetSender
{
    /// <summary>Gets the folder.</summary>
    public string Folder { get; } = folder;

    /// <summary>The messages, newest first.</summary>
    /// <returns>The messages.</returns>
    public IReadOnlyList<OutboxMessage> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(Folder, "*.txt").OrderByDescending(f => f, StringComparer.Ordinal).Select(OutboxMessage.Read)];
    }

    /// <inheritdoc />
    public ValueTask SendAsync(InvitationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Write(message.Email, $"You are invited to {message.TeamName} as {message.Role}",
            $"/Accept#token={Uri.EscapeDataString(message.Token)}",
            $"Or open /Accept and type the team {message.TeamHandle}, your address and the code {message.Code}. It expires {message.ExpiresAt:u}.");
    }

    /// <inheritdoc />
    public ValueTask SendAsync(EmailConfirmationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Write(message.Email, "Activate your account", $"/ConfirmEmail#token={Uri.EscapeDataString(message.Token)}", $"The link works once, until {message.ExpiresAt:u}.");
    }

    /// <inheritdoc />
    public ValueTask SendAsync(PasswordResetMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Write(message.Email, "Reset your password", $"/ResetPassword#token={Uri.EscapeDataString(message.Token)}", $"The link works once, until {message.ExpiresAt:u}.");
    }

    private ValueTask Write(string to, string subject, string link, string note)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfffffff}-{Guid.NewGuid():N}.txt";
        File.WriteAllText(Path.Combine(Folder, name), $"To: {to}\nSubject: {subject}\nLink: {link}\n\n{note}\n", Encoding.UTF8);
        return ValueTask.CompletedTask;
    }
}

/// <summary>One message of the outbox.</summary>
/// <param name="To">The address.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Link">The link to click (a path of this portal).</param>
/// <param name="Note">The rest of the text.</param>
public sealed record OutboxMessage(string To, string Subject, string Link, string Note)
{
    /// <summary>Reads a message file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The message.</returns>
    public static OutboxMessage Read(string path)
    {
        var lines = File.ReadAllLines(path);
        string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.Ordinal))?[(name.Length + 2)..] ?? "";
        return new OutboxMessage(Field("To"), Field("Subject"), Field("Link"), string.Join(' ', lines.SkipWhile(l => l.Length > 0).Skip(1)));
    }
}
