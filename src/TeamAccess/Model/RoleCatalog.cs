using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace TeamAccess;

/// <summary>
/// The validated role catalog: the roles, their ranks and compiled permissions, and the guardian role. Built once from
/// <see cref="TeamAccessOptions"/>; a bad catalog fails the host's start.
/// </summary>
public sealed class RoleCatalog
{
    private readonly Dictionary<string, Role> _byName;

    private RoleCatalog(PermissionCatalog permissions, Role[] roles, ulong teamRoleMask, int maxTeamRoles)
    {
        PermissionCatalog = permissions;
        TeamRoleMask = teamRoleMask;
        MaxTeamRoles = maxTeamRoles;
        Roles = roles;
        _byName = roles.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        Guardian = roles.Single(r => r.IsGuardian);
        ResourceBaseByRoleIndex = new ulong[256];
        foreach (var role in roles)
        {
            ResourceBaseByRoleIndex[role.Index] = role.IsScopedToGrants ? 0 : ulong.MaxValue;
        }

    }

    /// <summary>The permissions a team may put in a role of its own: the host's allowed ones, never the guardian's own.</summary>
    internal ulong TeamRoleMask { get; }

    /// <summary>How many roles of its own a team may define.</summary>
    internal int MaxTeamRoles { get; }

    /// <summary>Per role index (256 entries, unknown roles 0): all bits when the role reaches every resource, none when it is scoped to grants.</summary>
    internal ulong[] ResourceBaseByRoleIndex { get; }

    /// <summary>The role index that means "no role of the catalog or the team" (the index's compiled entries carry it).</summary>
    internal const byte UnknownRoleIndex = byte.MaxValue;

    /// <summary>Gets the permission catalog the roles are built on.</summary>
    public PermissionCatalog PermissionCatalog { get; }

    /// <summary>Gets the roles, highest rank first.</summary>
    public IReadOnlyList<Role> Roles { get; }

    /// <summary>Gets the guardian role.</summary>
    public Role Guardian { get; }

    /// <summary>Finds a role by name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> when the role exists.</returns>
    public bool TryGet(string? name, [NotNullWhen(true)] out Role? role)
    {
        role = null;
        return name is not null && _byName.TryGetValue(name, out role);
    }

    internal Role this[int index] => Roles[index];

    /// <summary>The rule of a role's name, the catalog's and a team's: 1 to 64 letters, digits, spaces, hyphens or underscores, no space at either end.</summary>
    internal static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= 64 } && name.Trim() == name && name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_');

    /// <summary>Builds and validates the catalog.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="OptionsValidationException">The catalog is invalid.</exception>
    public static RoleCatalog Create(TeamAccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var catalog = TryBuild(options, errors);
        if (catalog is null)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TeamAccessOptions), errors);
        }

        return catalog;
    }

    internal static RoleCatalog? TryBuild(TeamAccessOptions options, List<string> errors)
    {
        var permissions = PermissionCatalog.Build(options.Permissions, errors);
        var definitions = options.Roles.Roles.Count == 0 ? RolePresets.OwnerAdministratorMemberObserver.Roles : options.Roles.Roles;

        permissions.TryGetMask(Permissions.GuardianOnly, out var guardianOnly, out _);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ranks = new HashSet<int>();
        var compiled = new List<(RoleDefinition Definition, ulong Mask)>();
        foreach (var definition in definitions)
        {
            if (!IsValidName(definition.Name))
            {
                errors.Add($"Role name '{definition.Name}' must have 1 to 64 letters, digits, spaces, hyphens or underscores.");
            }

            if (!names.Add(definition.Name))
            {
                errors.Add($"Role '{definition.Name}' is defined twice.");
            }

            if (!ranks.Add(definition.Rank))
            {
                errors.Add($"Role '{definition.Name}' has rank {definition.Rank}, which another role already has; ranks must be distinct.");
            }

            ulong mask = 0;
            foreach (var pattern in definition.Permissions)
            {
                if (!definition.IsGuardian && Array.IndexOf(Permissions.GuardianOnly, pattern) >= 0)
                {
                    errors.Add($"Only the guardian role may hold '{pattern}'; role '{definition.Name}' does.");
                }
                else if (permissions.TryExpand(pattern, out var bits))
                {
                    mask |= bits;
                }
                else
                {
                    errors.Add($"Role '{definition.Name}' names permission '{pattern}', which is not registered.");
                }
            }

            foreach (var pattern in definition.ExceptPermissions)
            {
                if (permissions.TryExpand(pattern, out var bits))
                {
                    mask &= ~bits;
                }
                else
                {
                    errors.Add($"Role '{definition.Name}' excepts permission '{pattern}', which is not registered.");
                }
            }

            // Invariant 6: the guardian's own actions are confined to the guardian role, which always holds them.
            mask = definition.IsGuardian ? mask | guardianOnly : mask & ~guardianOnly;

            var forbidden = permissions.WritesForbidden(definition.IsReadOnly, mask);
            if (forbidden != 0)
            {
                errors.Add($"Role '{definition.Name}' is read-only but holds write permissions: {string.Join(", ", permissions.NamesOf(forbidden))}.");
            }

            if (definition.IsGuardian && (definition.IsReadOnly || definition.IsScopedToGrants))
            {
                errors.Add($"Role '{definition.Name}' is the guardian role and cannot be read-only or scoped to grants.");
            }

            compiled.Add((definition, mask));
        }

        if (compiled.Count > 255)
        {
            errors.Add($"At most 255 roles can be defined; {compiled.Count} are.");
        }

        var guardians = compiled.Where(r => r.Definition.IsGuardian).ToList();
        if (compiled.Count == 0)
        {
            errors.Add("The role catalog is empty.");
        }
        else if (guardians.Count != 1)
        {
            errors.Add($"Exactly one role must be the guardian role; found {guardians.Count}.");
        }
        else
        {
            var guardian = guardians[0];
            if (compiled.Any(r => !r.Definition.IsGuardian && r.Definition.Rank >= guardian.Definition.Rank))
            {
                errors.Add($"The guardian role '{guardian.Definition.Name}' must rank above every other role.");
            }
        }

        var teamRoles = options.Roles.TeamRoles;
        var teamRoleMask = teamRoles.AllowedPermissions.Count == 0 ? permissions.AllMask : 0UL;
        foreach (var pattern in teamRoles.AllowedPermissions)
        {
            if (permissions.TryExpand(pattern, out var bits))
            {
                teamRoleMask |= bits;
            }
            else
            {
                errors.Add($"Team roles are allowed permission '{pattern}', which is not registered.");
            }
        }

        if (teamRoles.MaxRolesPerTeam < 0 || compiled.Count + teamRoles.MaxRolesPerTeam > UnknownRoleIndex)
        {
            errors.Add($"A team may define 0 to {UnknownRoleIndex - compiled.Count} roles of its own beside the catalog's {compiled.Count}; {teamRoles.MaxRolesPerTeam} is configured.");
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var roles = compiled
            .OrderByDescending(r => r.Definition.Rank)
            .Select((r, i) => new Role(r.Definition, i, r.Mask, permissions.ResourceMask, permissions.NamesOf(r.Mask).ToArray()))
            .ToArray();
        return new RoleCatalog(permissions, roles, teamRoleMask & ~guardianOnly, teamRoles.MaxRolesPerTeam);
    }
}
