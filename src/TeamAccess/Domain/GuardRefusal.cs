namespace TeamAccess.Domain;

/// <summary>
/// What a lifecycle machine answers when a trigger cannot fire: each guard's description is the
/// <see cref="TeamAccessErrorCode"/> it stands for, and the first unmet guard's code is the answer; with no unmet guard
/// the state does not take the trigger at all, and the machine's own code for that is the answer.
/// </summary>
internal static class GuardRefusal
{
    public static Result From(ICollection<string>? unmetGuards, TeamAccessErrorCode notTaken)
    {
        foreach (var guard in unmetGuards ?? [])
        {
            if (Enum.TryParse<TeamAccessErrorCode>(guard, out var code))
            {
                return Result.Failed(code);
            }
        }

        return Result.Failed(notTaken);
    }
}
