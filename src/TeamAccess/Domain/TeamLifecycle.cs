using Stateless;
using Stateless.Graph;

namespace TeamAccess.Domain;

/// <content>The team's own machine.</content>
internal sealed partial class TeamAggregate
{
    /// <summary>
    /// The team's small machine over the aggregate's live team: Free and Commercial are substates of Active (upgrading
    /// keeps all data), and an Active team can be Deleted, which is terminal. Who may fire it is no guard of the machine:
    /// deleting and changing the tier need <c>team.delete</c> and <c>billing.manage</c>, which the role catalog confines
    /// to the guardian role (invariant 6), and the team is only reached with the permission checked.
    /// </summary>
    internal sealed class TeamLifecycle
    {
        private readonly StateMachine<State, Trigger> _machine;

        public TeamLifecycle(TeamAggregate team)
        {
            _machine = team is null
                ? new StateMachine<State, Trigger>(State.Free)
                : new StateMachine<State, Trigger>(() => StateOf(team.Current.Team), s => team.Current = team.Current with { Team = Moved(team.Current.Team, s) });

            _machine.Configure(State.Active)
                .Permit(Trigger.Delete, State.Deleted);
            _machine.Configure(State.Free)
                .SubstateOf(State.Active)
                .Permit(Trigger.Upgrade, State.Commercial);
            _machine.Configure(State.Commercial)
                .SubstateOf(State.Active)
                .Permit(Trigger.Downgrade, State.Free);
            _machine.Configure(State.Deleted);
        }

        private enum State
        {
            Active,
            Free,
            Commercial,
            Deleted,
        }

        private enum Trigger
        {
            Upgrade,
            Downgrade,
            Delete,
        }

        public Result ChangeTier(TeamTier tier) => TryFire(tier == TeamTier.Commercial ? Trigger.Upgrade : Trigger.Downgrade);

        public Result Delete() => TryFire(Trigger.Delete);

        public static string ToMermaid() => MermaidGraph.Format(new TeamLifecycle(null!)._machine.GetInfo());

        private static State StateOf(Team team) =>
            team.Status == TeamStatus.Deleted ? State.Deleted : team.Tier == TeamTier.Commercial ? State.Commercial : State.Free;

        private static Team Moved(Team team, State state) => state switch
        {
            State.Deleted => team with { Status = TeamStatus.Deleted },
            State.Commercial => team with { Tier = TeamTier.Commercial },
            _ => team with { Tier = TeamTier.Free },
        };

        private Result TryFire(Trigger trigger)
        {
            if (_machine.IsInState(State.Deleted))
            {
                return Result.Failed(TeamAccessErrorCode.TeamDeleted);
            }

            if (!_machine.CanFire(trigger))
            {
                return Result.Failed(TeamAccessErrorCode.NoChange);
            }

            _machine.Fire(trigger);
            return Result.Success;
        }
    }
}
