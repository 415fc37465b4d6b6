using Stateless;
using Stateless.Graph;

namespace TeamAccess;

/// <summary>
/// The team's small machine: Free and Commercial are substates of Active (upgrading keeps all data), and an Active team
/// can be Deleted. Every trigger is guarded by "the actor holds the guardian role" (DESIGN.md invariant 6).
/// </summary>
internal sealed class TeamLifecycle
{
    private readonly StateMachine<State, Trigger> _machine;
    private readonly bool _actorIsGuardian;
    private State _state;

    public TeamLifecycle(Team team, bool actorIsGuardian)
    {
        _actorIsGuardian = actorIsGuardian;
        _state = team.Status == TeamStatus.Deleted ? State.Deleted : team.Tier == TeamTier.Commercial ? State.Commercial : State.Free;
        _machine = new StateMachine<State, Trigger>(() => _state, s => _state = s);
        const string guardianRequired = nameof(TeamAccessErrorCode.GuardianRequired);

        _machine.Configure(State.Active)
            .PermitIf(Trigger.Delete, State.Deleted, () => _actorIsGuardian, guardianRequired);
        _machine.Configure(State.Free)
            .SubstateOf(State.Active)
            .PermitIf(Trigger.Upgrade, State.Commercial, () => _actorIsGuardian, guardianRequired);
        _machine.Configure(State.Commercial)
            .SubstateOf(State.Active)
            .PermitIf(Trigger.Downgrade, State.Free, () => _actorIsGuardian, guardianRequired);
        _machine.Configure(State.Deleted);
    }

    internal enum State
    {
        Active,
        Free,
        Commercial,
        Deleted,
    }

    internal enum Trigger
    {
        Upgrade,
        Downgrade,
        Delete,
    }

    public TeamTier Tier => _state == State.Commercial ? TeamTier.Commercial : TeamTier.Free;

    public TeamStatus Status => _state == State.Deleted ? TeamStatus.Deleted : TeamStatus.Active;

    public Result TryFire(Trigger trigger)
    {
        if (_state == State.Deleted)
        {
            return Result.Failed(TeamAccessErrorCode.TeamDeleted);
        }

        if (!_machine.CanFire(trigger, out var unmetGuards))
        {
            return unmetGuards?.Count > 0 ? Result.Failed(TeamAccessErrorCode.GuardianRequired) : Result.Failed(TeamAccessErrorCode.NoChange);
        }

        _machine.Fire(trigger);
        return Result.Success;
    }

    public static string ToMermaid() =>
        MermaidGraph.Format(new TeamLifecycle(new Team(default, "t", "ttt", TeamTier.Free, TeamStatus.Active, default), actorIsGuardian: true)._machine.GetInfo());
}
