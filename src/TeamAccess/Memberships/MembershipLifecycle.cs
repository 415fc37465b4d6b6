using Stateless;
using Stateless.Graph;

namespace TeamAccess;

/// <summary>
/// The membership lifecycle of DESIGN.md section 3 as a Stateless machine over a status held outside it. Built for one
/// decision: the caller passes what the guards need (whether this membership is the team's last Active guardian), asks,
/// and stores the resulting status. Guards are synchronous and free of side effects; their descriptions are error codes.
/// </summary>
internal sealed class MembershipLifecycle
{
    private readonly StateMachine<MembershipStatus, Trigger> _machine;
    private readonly StateMachine<MembershipStatus, Trigger>.TriggerWithParameters<Role> _changeRole;
    private readonly bool _isLastActiveGuardian;
    private MembershipStatus _status;

    /// <summary>Creates the machine for a membership in <paramref name="status"/>.</summary>
    /// <param name="status">The membership's current status.</param>
    /// <param name="isLastActiveGuardian">Whether the membership is the team's only Active holder of the guardian role.</param>
    public MembershipLifecycle(MembershipStatus status, bool isLastActiveGuardian)
    {
        _status = status;
        _isLastActiveGuardian = isLastActiveGuardian;
        _machine = new StateMachine<MembershipStatus, Trigger>(() => _status, s => _status = s);
        _changeRole = _machine.SetTriggerParameters<Role>(Trigger.ChangeRole);
        const string lastGuardian = nameof(TeamAccessErrorCode.LastGuardian);

        _machine.Configure(MembershipStatus.Invited)
            .Permit(Trigger.Accept, MembershipStatus.Active)
            .InternalTransition(Trigger.Resend, () => { })
            .Permit(Trigger.Revoke, MembershipStatus.Removed)
            .Permit(Trigger.Decline, MembershipStatus.Removed)
            .Permit(Trigger.Expire, MembershipStatus.Expired);

        _machine.Configure(MembershipStatus.Active)
            .PermitIf(Trigger.Deactivate, MembershipStatus.Inactive, KeepsAGuardian, lastGuardian)
            .PermitIf(Trigger.Remove, MembershipStatus.Removed, KeepsAGuardian, lastGuardian)
            .PermitIf(Trigger.Leave, MembershipStatus.Removed, KeepsAGuardian, lastGuardian)
            .InternalTransitionIf(_changeRole, role => role.IsGuardian || KeepsAGuardian(), (_, _) => { }, lastGuardian);

        _machine.Configure(MembershipStatus.Inactive)
            .Permit(Trigger.Reactivate, MembershipStatus.Active)
            .Permit(Trigger.Remove, MembershipStatus.Removed)
            .Permit(Trigger.Leave, MembershipStatus.Removed);

        // Terminal: a removed or expired address can be invited again, as a new membership.
        _machine.Configure(MembershipStatus.Removed);
        _machine.Configure(MembershipStatus.Expired);
    }

    /// <summary>The lifecycle's triggers.</summary>
    internal enum Trigger
    {
        Accept,
        Resend,
        Revoke,
        Decline,
        Expire,
        Deactivate,
        Reactivate,
        ChangeRole,
        Remove,
        Leave,
    }

    /// <summary>Gets the status after the last successful <see cref="TryFire(Trigger)"/>.</summary>
    public MembershipStatus Status => _status;

    /// <summary>Fires a trigger if its guards allow it; otherwise returns the refusal and leaves the status as it was.</summary>
    public Result TryFire(Trigger trigger)
    {
        if (!_machine.CanFire(trigger, out var unmetGuards))
        {
            return Refusal(unmetGuards);
        }

        _machine.Fire(trigger);
        return Result.Success;
    }

    /// <summary>Changes the role if the guards allow it (an Active membership; the last guardian keeps the guardian role).</summary>
    public Result TryChangeRole(Role role)
    {
        if (!_machine.CanFire(_changeRole, role, out var unmetGuards))
        {
            return Refusal(unmetGuards);
        }

        _machine.Fire(_changeRole, role);
        return Result.Success;
    }

    /// <summary>The machine's graph in Mermaid, for the docs.</summary>
    public static string ToMermaid() =>
        MermaidGraph.Format(new MembershipLifecycle(MembershipStatus.Invited, isLastActiveGuardian: false)._machine.GetInfo());

    private bool KeepsAGuardian() => !_isLastActiveGuardian;

    private static Result Refusal(ICollection<string>? unmetGuards)
    {
        // A guard's description is the code it stands for; no unmet guard means the state does not take the trigger at all.
        foreach (var guard in unmetGuards ?? [])
        {
            if (Enum.TryParse<TeamAccessErrorCode>(guard, out var code))
            {
                return Result.Failed(code);
            }
        }

        return Result.Failed(TeamAccessErrorCode.InvalidTransition);
    }
}
