using System.Text.Json;
using TeamAccess;
using TeamAccess.Accounts;
using TeamAccess.Invitations;

/// <summary>
/// The sample's mail: each invitation message becomes a JSON file in a folder, as a host's mailer would send it. The
/// tour reads the newest message for an address back, as an invitee would open their mail.
/// </summary>
internal sealed class FolderInvitationSender(string folder) : IInvitationSender
{
    private int _sent;

    public async ValueTask SendAsync(InvitationMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var mail = new Mail(message.Email, message.TeamName, message.TeamHandle, message.Role, message.Token, message.Code, message.ExpiresAt);
        var path = Path.Combine(folder, $"{Interlocked.Increment(ref _sent):D6}-{message.Email}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(mail), cancellationToken);
    }

    public static Mail Read(string folder, string email) =>
        JsonSerializer.Deserialize<Mail>(File.ReadAllText(Directory.GetFiles(folder, $"*-{email}.json").Order(StringComparer.Ordinal).Last()))!;

    internal sealed record Mail(string To, string Team, string Handle, string Role, string Token, string Code, DateTimeOffset ExpiresAt);
}

/// <summary>The sample's activation mail: each message becomes a JSON file in the same folder, read back as the new user would open it.</summary>
internal sealed class FolderActivationSender(string folder) : IEmailConfirmationSender
{
    public async ValueTask SendAsync(EmailConfirmationMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var mail = new Activation(message.Email, message.FirstName, message.Token, message.ExpiresAt);
        await File.WriteAllTextAsync(Path.Combine(folder, $"activation-{message.Email}.json"), JsonSerializer.Serialize(mail), cancellationToken);
    }

    public static Activation Read(string folder, string email) =>
        JsonSerializer.Deserialize<Activation>(File.ReadAllText(Path.Combine(folder, $"activation-{email}.json")))!;

    internal sealed record Activation(string To, string FirstName, string Token, DateTimeOffset ExpiresAt);
}
