namespace TeamAccess.Storage;

/// <summary>
/// The longest texts the services accept, for a store's column sizes (email addresses and handles have theirs on
/// <see cref="EmailAddress.MaxLength"/> and <see cref="Handle.MaxLength"/>).
/// </summary>
public static class TextLimits
{
    /// <summary>The longest display name (first or last name, team or group name), in UTF-16 code units.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest resource id of a grant, in UTF-16 code units.</summary>
    public const int MaxResourceIdLength = 200;

    /// <summary>The longest description of a service account, in UTF-16 code units.</summary>
    public const int MaxDescriptionLength = 500;

    /// <summary>The longest directory id of a person (SCIM <c>externalId</c>), in UTF-16 code units.</summary>
    public const int MaxExternalIdLength = 256;
}
