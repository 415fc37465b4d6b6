using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

/// <summary>
/// Session tokens under attack and under change: a token with any one character changed never validates; and a session
/// issued before any change of the membership's role or status never validates after it (DESIGN.md invariant 8), while
/// one issued after the change does (when the membership is Active).
/// </summary>
public sealed class SessionProperties
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    private static readonly Lazy<(TestBed Bed, string Token, TeamId Team)> Issued = new(() =>
    {
        var bed = TestBed.Create();
        var ada = SessionServiceTests.SignUpWithPasswordAsync(bed, "ada").GetAwaiter().GetResult();
        var session = bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", "correct horse battery staple"), ada.Team.Id).AsTask().GetAwaiter().GetResult();
        return (bed, session.Value!.AccessToken, ada.Team.Id);
    });

    [Property(MaxTest = 300)]
    public Property AnyCharacterChanged_NeverValidates(PositiveInt position, PositiveInt replacement)
    {
        var (bed, token, team) = Issued.Value;
        var at = position.Get % token.Length;
        var by = Alphabet[replacement.Get % Alphabet.Length];
        if (token[at] == by)
        {
            by = Alphabet[(replacement.Get + 1) % Alphabet.Length];
        }

        var tampered = string.Concat(token.AsSpan(0, at), by.ToString(), token.AsSpan(at + 1));
        var result = bed.Sessions.ValidateAsync(tampered, team).AsTask().GetAwaiter().GetResult();
        return (!result.Succeeded).Label($"{tampered} validated");
    }

    [Property(MaxTest = 30, EndSize = 16)]
    public Property SessionsIssuedBeforeAChange_NeverValidateAfterIt(byte[] changes) =>
        Prop.ToProperty(RunChanges(changes ?? []).GetAwaiter().GetResult());

    private static async Task<bool> RunChanges(byte[] changes)
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var grace = await bed.SignUpAsync("grace");
        var membership = (await bed.Members.AddAsHostAsync(owner.Team.Id, grace.User.Id, RolePresets.Member)).Value!.Id;
        string[] roles = [RolePresets.Administrator, RolePresets.Member, RolePresets.Observer];
        var earlier = new List<string>();
        foreach (var change in changes)
        {
            // Through an identity provider: a password's deliberate PBKDF2 work would only slow the property down.
            var signedIn = await bed.Sessions.SignInAsync(bed.Host.Credential("h-grace", grace.User.Email), owner.Team.Id);
            var status = (await bed.SnapshotAsync(owner.Team.Id)).Memberships[membership].Status;
            Assert.Equal(status == MembershipStatus.Active, signedIn.Succeeded);
            if (signedIn.Succeeded)
            {
                Assert.True((await bed.Sessions.ValidateAsync(signedIn.Value!.AccessToken, signedIn.Value!.Info.TeamId)).Succeeded);
                earlier.Add(signedIn.Value.AccessToken);
            }

            var versionBefore = (await bed.SnapshotAsync(owner.Team.Id)).Version;
            Result applied = (change % 3) switch
            {
                0 => await bed.Members.ChangeRoleAsync(owner.User.Id, owner.Team.Id, membership, roles[change / 3 % roles.Length]),
                1 => await bed.Members.DeactivateAsync(owner.User.Id, owner.Team.Id, membership),
                _ => await bed.Members.ReactivateAsync(owner.User.Id, owner.Team.Id, membership),
            };

            // A change that committed (a role set to the role already held commits nothing) ends every earlier session.
            if (applied.Succeeded && (await bed.SnapshotAsync(owner.Team.Id)).Version > versionBefore)
            {
                foreach (var token in earlier)
                {
                    Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(token, owner.Team.Id)).Code);
                }
            }
        }

        return true;
    }
}
