namespace TeamAccess.Invitations;

/// <summary>Splits what an administrator pastes ("a@x.io b@y.io; c@z.io") into addresses.</summary>
public static class InvitationAddresses
{
    private static readonly char[] Separators = [',', ';'];

    /// <summary>Splits on white space, commas and semicolons; empty entries are dropped, order and duplicates kept.</summary>
    /// <param name="addresses">The pasted text.</param>
    /// <returns>The addresses as typed (none for <see langword="null"/>).</returns>
    public static IReadOnlyList<string> Split(string addresses)
    {
        if (addresses is null)
        {
            return [];
        }

        var result = new List<string>();
        var start = -1;
        for (var i = 0; i <= addresses.Length; i++)
        {
            var separator = i == addresses.Length || char.IsWhiteSpace(addresses[i]) || Array.IndexOf(Separators, addresses[i]) >= 0;
            if (!separator && start < 0)
            {
                start = i;
            }
            else if (separator && start >= 0)
            {
                result.Add(addresses[start..i]);
                start = -1;
            }
        }

        return result;
    }
}
