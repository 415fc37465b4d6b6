namespace TeamAccess;

/// <summary>What an import did with one row.</summary>
public enum ImportOutcomeKind
{
    /// <summary>An Active membership was created by the host's import, and the user too when there was none.</summary>
    Created = 0,

    /// <summary>The existing membership (or its user's names) was changed to match the row.</summary>
    Updated = 1,

    /// <summary>The team already matched the row; nothing changed. A row imported again answers this.</summary>
    Unchanged = 2,

    /// <summary>The row was refused, with the reason in <see cref="ImportOutcome.Code"/>; nothing changed for it.</summary>
    Refused = 3,

    /// <summary>
    /// The address was invited: an Invited membership, and an invitation message after the commit. Every new row of a
    /// team member's import answers this (the person accepts or not), as does a host's row that asks for an invitation.
    /// </summary>
    Invited = 4,
}
